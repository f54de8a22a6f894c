/* placeholder */ typedef int mck__placeholder_jwk;
