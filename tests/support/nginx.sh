# A throw-away nginx on 127.0.0.1 for the mirror tests, the fleet benchmark and
# the mirror demo: its own configuration, logs and pid under WORK, started on
# free ports (tried at random until it starts), stopped by nginx_stop.
# shellcheck shell=bash
#
# nginx_start ROOT WORK [LOCATIONS [TLS_CERT TLS_KEY]]
#   serves ROOT on http://127.0.0.1:$PORT (LOCATIONS: more nginx text inside
#   that server block), and with a certificate on https://127.0.0.1:$TLSPORT;
#   the access log, WORK/access.log, has each request's bytes in and out last.
nginx_start() {
	local root=$1 work=$2 locations=${3:-} cert=${4:-} key=${5:-} tls=""
	local nginx
	nginx=$(command -v nginx || echo /usr/sbin/nginx)
	if [[ ! -x $nginx ]]; then
		echo "nginx is not installed (scripts/install-deps)" >&2
		return 1
	fi
	mkdir -p "$work"
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		PORT=$((20000 + RANDOM % 20000))
		TLSPORT=$((PORT + 1))
		if [[ -n $cert ]]; then
			tls="server { listen 127.0.0.1:$TLSPORT ssl; ssl_certificate $cert;
				ssl_certificate_key $key; root $root; }"
		fi
		cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
daemon off;
events { worker_connections 1024; }
http {
	log_format mck '\$remote_addr "\$request" \$status \$request_length \$bytes_sent';
	access_log $work/access.log mck;
	client_body_temp_path $work/body;
	proxy_temp_path $work/proxy;
	fastcgi_temp_path $work/fastcgi;
	uwsgi_temp_path $work/uwsgi;
	scgi_temp_path $work/scgi;
	default_type application/octet-stream;
	types { application/json json; }
	server {
		listen 127.0.0.1:$PORT;
		root $root;
		$locations
	}
	$tls
}
CONF
		"$nginx" -p "$work" -e "$work/error.log" -c "$work/nginx.conf" &
		NGINX_PID=$!
		for _ in $(seq 50); do
			if [[ -s $work/nginx.pid ]] && (: >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null &&
				{ [[ -z $cert ]] || (: >"/dev/tcp/127.0.0.1/$TLSPORT") 2>/dev/null; }; then
				return 0
			fi
			kill -0 "$NGINX_PID" 2>/dev/null || break
			sleep 0.1
		done
		nginx_stop
	done
	echo "nginx did not start: $(cat "$work/error.log" 2>/dev/null)" >&2
	return 1
}

nginx_stop() {
	if [[ -n ${NGINX_PID:-} ]]; then
		kill "$NGINX_PID" 2>/dev/null || true
		wait "$NGINX_PID" 2>/dev/null || true
		NGINX_PID=""
	fi
}
