/* The kiosk's words: English from the X-macros, six more languages here. */
#include "mck/i18n.h"

#include <string.h>

static const char *const english[MCK_TEXT_COUNT] = {
#define MCK__TEXT_EN(key, en) [MCK_TEXT_##key] = en,
	MCK_TEXT_MAP(MCK__TEXT_EN)
#undef MCK__TEXT_EN
};

/* Designated initialisers: a key a language lacks stays NULL, and test_i18n fails. */
static const char *const texts[MCK_LANG_COUNT][MCK_TEXT_COUNT] = {
	[MCK_LANG_PL] =
		{
			[MCK_TEXT_VERDICT_VALID] = "WAŻNY",
			[MCK_TEXT_VERDICT_WARNING] = "SPRAWDŹ",
			[MCK_TEXT_VERDICT_INVALID] = "NIEWAŻNY",
			[MCK_TEXT_VERDICT_UNREADABLE] = "NIECZYTELNY",
			[MCK_TEXT_VERDICT_UNUSABLE] = "NIE MOŻNA SPRAWDZIĆ",
			[MCK_TEXT_ACTION_VALID] = "Poświadczenie jest autentyczne.",
			[MCK_TEXT_ACTION_WARNING] =
				"Autentyczne, ale przed przyjęciem przeczytaj uwagi poniżej.",
			[MCK_TEXT_ACTION_INVALID] = "Nie przyjmuj tego poświadczenia.",
			[MCK_TEXT_ACTION_UNREADABLE] = "Przytrzymaj kod nieruchomo, około 20 cm od "
						       "kamery, i spróbuj ponownie.",
			[MCK_TEXT_ACTION_UNUSABLE] =
				"Wezwij obsługę: ten kiosk nie może teraz sprawdzać poświadczeń.",
			[MCK_TEXT_IDLE_TITLE] = "Pokaż kod QR swojego mikropoświadczenia",
			[MCK_TEXT_IDLE_HINT] = "Trzymaj telefon lub wydruk przed kamerą",
			[MCK_TEXT_CHUNK_PROGRESS] = "Odczytano część %u z %u – pokaż następny kod",
			[MCK_TEXT_LABEL_LEARNER] = "Uczestnik",
			[MCK_TEXT_LABEL_TITLE] = "Tytuł",
			[MCK_TEXT_LABEL_AWARDING_BODY] = "Instytucja przyznająca",
			[MCK_TEXT_LABEL_CLAIMED_BODY] = "Nazwa w poświadczeniu",
			[MCK_TEXT_LABEL_COUNTRY] = "Kraj",
			[MCK_TEXT_LABEL_ISSUED] = "Data wydania",
			[MCK_TEXT_LABEL_EXPIRES] = "Ważne do",
			[MCK_TEXT_LABEL_EQF] = "Poziom EQF",
			[MCK_TEXT_LABEL_WORKLOAD] = "Nakład pracy",
			[MCK_TEXT_LABEL_ECTS] = "ECTS",
			[MCK_TEXT_LABEL_HOURS] = "godz.",
			[MCK_TEXT_LABEL_OUTCOMES] = "Efekty uczenia się",
			[MCK_TEXT_LABEL_ASSESSMENT] = "Rodzaj oceny",
			[MCK_TEXT_LABEL_PARTICIPATION] = "Forma udziału",
			[MCK_TEXT_LABEL_QUALITY] = "Zapewnianie jakości",
			[MCK_TEXT_LABEL_PREREQUISITES] = "Wymagania wstępne",
			[MCK_TEXT_LABEL_SUPERVISION] = "Nadzór i weryfikacja tożsamości",
			[MCK_TEXT_LABEL_GRADE] = "Ocena",
			[MCK_TEXT_LABEL_STACKABILITY] = "Zalicza się do",
			[MCK_TEXT_LABEL_MISSING] = "Brakuje",
			[MCK_TEXT_LABEL_FROM_CREDENTIAL] = "Według treści poświadczenia",
			[MCK_TEXT_STATUS_TRUSTLIST] = "Lista zaufania nr %lld, aktualizacja %s",
			[MCK_TEXT_STATUS_ISSUERS] = "Instytucje: %zu",
			[MCK_TEXT_STATUS_CLOCK_OK] = "Zegar ustawiony",
			[MCK_TEXT_STATUS_CLOCK_UNSET] = "Zegar nieustawiony",
			[MCK_TEXT_STATUS_CAMERA_OK] = "Kamera gotowa",
			[MCK_TEXT_STATUS_CAMERA_MISSING] = "Brak kamery",
			[MCK_TEXT_ERROR_NO_CAMERA] = "Nie podłączono kamery ani czytnika.",
			[MCK_TEXT_ERROR_TRUSTLIST_MISSING] =
				"Brak listy zaufania. Włóż nośnik z aktualizacją.",
			[MCK_TEXT_ERROR_TRUSTLIST_EXPIRED] =
				"Lista zaufania jest nieaktualna. Włóż nośnik z aktualizacją.",
			[MCK_TEXT_ERROR_CLOCK_UNSET] = "Zegar nie jest ustawiony; daty są "
						       "sprawdzane według listy zaufania.",
			[MCK_TEXT_TOUCH_TO_DISMISS] = "Dotknij ekranu lub zeskanuj następny kod",
			[MCK_TEXT_LANGUAGE_NAME] = "Polski",
			[MCK_TEXT_OPERATOR_TITLE] = "Stan urządzenia",
			[MCK_TEXT_OPERATOR_TRUSTLIST] = "Lista zaufania",
			[MCK_TEXT_OPERATOR_ISSUED] = "Wydana",
			[MCK_TEXT_OPERATOR_NEXT_UPDATE] = "Następna aktualizacja do",
			[MCK_TEXT_OPERATOR_ISSUERS] = "Instytucje przyznające",
			[MCK_TEXT_OPERATOR_TIME] = "Czas",
			[MCK_TEXT_OPERATOR_SOURCE] = "Źródło skanów",
			[MCK_TEXT_OPERATOR_SCANS] = "Skany od uruchomienia",
			[MCK_TEXT_OPERATOR_UPTIME] = "Czas pracy",
			[MCK_TEXT_OPERATOR_DISPLAY] = "Ekran",
			[MCK_TEXT_OPERATOR_SOFTWARE] = "Oprogramowanie",
			[MCK_TEXT_OPERATOR_RETURN] = "Dotknij ekranu, aby wrócić",
			[MCK_TEXT_SESSION_CHOOSE] = "Wybierz sprawdzanie",
			[MCK_TEXT_SESSION_START] = "Rozpocznij sprawdzanie",
			[MCK_TEXT_SESSION_PROMPT] = "Pokaż swoje poświadczenia po kolei",
			[MCK_TEXT_SESSION_COUNTS] = "Zalicza się do tego sprawdzenia",
			[MCK_TEXT_SESSION_NOT_COUNTED] = "Nie zalicza się do tego sprawdzenia",
			[MCK_TEXT_SESSION_DUPLICATE] = "Pokazane wcześniej: liczone raz",
			[MCK_TEXT_SESSION_FINISH] = "Zakończ",
			[MCK_TEXT_SESSION_CANCEL] = "Anuluj",
			[MCK_TEXT_SESSION_DONE] = "Gotowe",
			[MCK_TEXT_SESSION_REQUIREMENTS] = "Wymagania",
			[MCK_TEXT_SESSION_CREDENTIALS] = "Pokazane poświadczenia",
			[MCK_TEXT_SESSION_NONE] = "Jeszcze brak",
			[MCK_TEXT_SESSION_HAVE_COUNT] = "%s z %s poświadczeń",
			[MCK_TEXT_SESSION_HAVE_ECTS] = "%s z %s ECTS",
			[MCK_TEXT_SESSION_HAVE_HOURS] = "%s z %s godz.",
			[MCK_TEXT_SESSION_MISSING] = "brakuje %s",
			[MCK_TEXT_SESSION_MET] = "spełnione",
			[MCK_TEXT_SESSION_FULL] = "Osiągnięto limit: zakończ sprawdzanie",
			[MCK_TEXT_DECISION_MET] = "SPEŁNIA WYMAGANIA",
			[MCK_TEXT_DECISION_NOT_MET] = "NIE SPEŁNIA WYMAGAŃ",
			[MCK_TEXT_DECISION_NOTE_MET] = "Wszystkie wymagania są spełnione.",
			[MCK_TEXT_DECISION_NOTE_NOT_MET] =
				"Nie wszystkie wymagania są spełnione: braki wymieniono poniżej.",
			[MCK_TEXT_DECISION_REFERENCE] = "Kod referencyjny",
			[MCK_TEXT_DECISION_LEARNERS_DIFFER] = "Poświadczenia wystawiono na różne "
							      "osoby: sprawdź tożsamość kandydata.",
			[MCK_TEXT_VERDICT_CANNOT_CHECK] = "NIE MOŻNA TU SPRAWDZIĆ",
			[MCK_TEXT_ACTION_CANNOT_CHECK] =
				"Poproś o pomoc obsługę. To problem tego kiosku, a nie Twojego "
				"poświadczenia.",
			[MCK_TEXT_VERDICT_NOT_CREDENTIAL] = "TO NIE JEST POŚWIADCZENIE",
			[MCK_TEXT_SHOWN_URL] =
				"To jest link do strony %s, a nie kod QR mikropoświadczenia.",
			[MCK_TEXT_SHOWN_URL_NO_HOST] =
				"To jest link do strony internetowej, a nie kod QR "
				"mikropoświadczenia.",
			[MCK_TEXT_SHOWN_WIFI] =
				"To jest kod sieci Wi-Fi, a nie kod QR mikropoświadczenia.",
			[MCK_TEXT_SHOWN_EU_DCC] =
				"To jest unijne cyfrowe zaświadczenie COVID, a nie "
				"mikropoświadczenie.",
			[MCK_TEXT_SHOWN_SMART_HEALTH_CARD] =
				"To jest karta zdrowia SMART Health Card, a nie "
				"mikropoświadczenie.",
			[MCK_TEXT_SHOWN_VCARD] =
				"To jest wizytówka z danymi kontaktowymi, a nie kod QR "
				"mikropoświadczenia.",
			[MCK_TEXT_SHOWN_TEXT] =
				"Ten kod QR zawiera tekst, a nie mikropoświadczenie.",
			[MCK_TEXT_SHOWN_ACTION] =
				"Otwórz poświadczenie w aplikacji portfela i pokaż jego kod QR.",
			[MCK_TEXT_NEXT_PERSON] = "Gotowe – następna osoba",
			[MCK_TEXT_CLEARS_IN] = "Zniknie za %d s – dotknij, aby zatrzymać",
			[MCK_TEXT_STILL_THERE] =
				"Jesteś tu jeszcze? Dotknij ekranu, aby kontynuować (%d s).",
			[MCK_TEXT_COMPARE_ID] = "Porównaj imię i nazwisko z dokumentem tożsamości.",
			[MCK_TEXT_SESSION_OTHER_PERSON] = "Nazwisko innej osoby: sprawdź tożsamość",
			[MCK_TEXT_SESSION_ADDED] = "+%s, teraz %s (%s)",
			[MCK_TEXT_SESSION_NO_MATCH] = "Nie pasuje: %s",
			[MCK_TEXT_CRIT_TITLE] = "tytuł",
			[MCK_TEXT_CRIT_OUTCOMES] = "efekty uczenia się",
			[MCK_TEXT_CRIT_EQF] = "poziom EQF",
			[MCK_TEXT_CRIT_AGE] = "data wydania",
			[MCK_TEXT_CRIT_ISSUER] = "instytucja przyznająca",
			[MCK_TEXT_CRIT_COUNTRY] = "kraj",
			[MCK_TEXT_CRIT_VERDICT] = "nie jest przyjmowane w tym sprawdzeniu",
			[MCK_TEXT_UNIT_CREDENTIALS] = "poświadczeń",
			[MCK_TEXT_STATUS_DUE_SOON] = "Aktualizacja listy zaufania za %d dni",
			[MCK_TEXT_STATUS_OVERDUE] =
				"Aktualizacja listy zaufania zaległa: zaktualizuj teraz",
			[MCK_TEXT_STATUS_STATUS_LISTS] = "Listy unieważnień: %s",
			[MCK_TEXT_ERROR_TRUSTLIST_DAMAGED] =
				"Zainstalowane dane zaufania są uszkodzone. Włóż nośnik z "
				"aktualizacją.",
			[MCK_TEXT_PARTICIPATION_ONLINE] = "zdalnie",
			[MCK_TEXT_PARTICIPATION_ONSITE] = "stacjonarnie",
			[MCK_TEXT_PARTICIPATION_BLENDED] = "hybrydowo (zdalnie i stacjonarnie)",
			[MCK_TEXT_SUPERVISION_NONE] = "bez nadzoru",
			[MCK_TEXT_SUPERVISION_ONLINE] = "nadzór zdalny",
			[MCK_TEXT_SUPERVISION_ONSITE] = "nadzór na miejscu",
			[MCK_TEXT_LABEL_ISSUED_RANGE] = "Data wydania (ważne od)",
			[MCK_TEXT_SCANNER_HINT] = "Zeskanuj kod czytnikiem",
			[MCK_TEXT_IDLE_HINT_SCANNER] =
				"Przytrzymaj telefon lub wydruk pod czytnikiem",
			[MCK_TEXT_ACTION_WARNING_ACCEPT] =
				"Autentyczne. Możesz je przyjąć; zobacz uwagę poniżej.",
			[MCK_TEXT_ACTION_WARNING_ASK] =
				"Autentyczne, ale przed przyjęciem zapytaj obsługę.",
			[MCK_TEXT_CHUNK_NEXT] = "Odczytano %u z %u części – teraz pokaż część %u",
			[MCK_TEXT_OPERATOR_STATUS_LISTS] = "Listy unieważnień",
			[MCK_TEXT_OPERATOR_LAST_UPDATE] = "Ostatnia aktualizacja",
			[MCK_TEXT_OPERATOR_LAST_ATTEMPT] = "Ostatnia próba aktualizacji",
			[MCK_TEXT_FRESH_NEVER] = "nigdy",
			[MCK_TEXT_FRESH_UNKNOWN] = "brak danych",
			[MCK_TEXT_FRESH_NO_LISTS] = "brak",
			[MCK_TEXT_FRESH_OLDEST] = "najstarsza: %s",
			[MCK_TEXT_FRESH_FAILED] = "nieudana",
			[MCK_TEXT_FRESH_SUCCEEDED] = "udana",
			[MCK_TEXT_FRESH_NETWORK] = "sieć",
			[MCK_TEXT_FRESH_STICK] = "nośnik z aktualizacją",
			[MCK_TEXT_AGE_MINUTES] = "%lld min temu",
			[MCK_TEXT_AGE_HOURS] = "%lld godz. temu",
			[MCK_TEXT_AGE_DAYS] = "%lld dni temu",
			[MCK_TEXT_STATUS_LISTS_DUE] = "Listy unieważnień wygasają %s",
			[MCK_TEXT_STATUS_LISTS_STALE] = "Listy unieważnień nieaktualne",
			[MCK_TEXT_STATUS_UPDATE_FAILED] = "Ostatnia aktualizacja nieudana",
			[MCK_TEXT_IDLE_ACCESS] =
				"Mowa: przytrzymaj ekran 2 s lub naciśnij * na klawiaturze  \xc2\xb7  Większy tekst: +",
		},
	[MCK_LANG_DE] =
		{
			[MCK_TEXT_VERDICT_VALID] = "GÜLTIG",
			[MCK_TEXT_VERDICT_WARNING] = "PRÜFEN",
			[MCK_TEXT_VERDICT_INVALID] = "UNGÜLTIG",
			[MCK_TEXT_VERDICT_UNREADABLE] = "NICHT LESBAR",
			[MCK_TEXT_VERDICT_UNUSABLE] = "PRÜFUNG NICHT MÖGLICH",
			[MCK_TEXT_ACTION_VALID] = "Der Nachweis ist echt.",
			[MCK_TEXT_ACTION_WARNING] =
				"Echt, aber lesen Sie vor der Annahme die Hinweise unten.",
			[MCK_TEXT_ACTION_INVALID] = "Diesen Nachweis nicht annehmen.",
			[MCK_TEXT_ACTION_UNREADABLE] =
				"Halten Sie den Code ruhig, etwa 20 cm von der Kamera entfernt, "
				"und versuchen Sie es erneut.",
			[MCK_TEXT_ACTION_UNUSABLE] = "Bitte Personal rufen: Dieses Terminal kann "
						     "gerade keine Nachweise prüfen.",
			[MCK_TEXT_IDLE_TITLE] = "Zeigen Sie den QR-Code Ihres Micro-Credentials",
			[MCK_TEXT_IDLE_HINT] = "Halten Sie Handy oder Ausdruck vor die Kamera",
			[MCK_TEXT_CHUNK_PROGRESS] =
				"Teil %u von %u gelesen – bitte den nächsten Code zeigen",
			[MCK_TEXT_LABEL_LEARNER] = "Lernende Person",
			[MCK_TEXT_LABEL_TITLE] = "Titel",
			[MCK_TEXT_LABEL_AWARDING_BODY] = "Ausstellende Stelle",
			[MCK_TEXT_LABEL_CLAIMED_BODY] = "Name laut Nachweis",
			[MCK_TEXT_LABEL_COUNTRY] = "Land",
			[MCK_TEXT_LABEL_ISSUED] = "Ausstellungsdatum",
			[MCK_TEXT_LABEL_EXPIRES] = "Gültig bis",
			[MCK_TEXT_LABEL_EQF] = "EQR-Niveau",
			[MCK_TEXT_LABEL_WORKLOAD] = "Arbeitsaufwand",
			[MCK_TEXT_LABEL_ECTS] = "ECTS",
			[MCK_TEXT_LABEL_HOURS] = "Std.",
			[MCK_TEXT_LABEL_OUTCOMES] = "Lernergebnisse",
			[MCK_TEXT_LABEL_ASSESSMENT] = "Art der Prüfung",
			[MCK_TEXT_LABEL_PARTICIPATION] = "Form der Teilnahme",
			[MCK_TEXT_LABEL_QUALITY] = "Qualitätssicherung",
			[MCK_TEXT_LABEL_PREREQUISITES] = "Voraussetzungen",
			[MCK_TEXT_LABEL_SUPERVISION] = "Aufsicht und Identitätsprüfung",
			[MCK_TEXT_LABEL_GRADE] = "Note",
			[MCK_TEXT_LABEL_STACKABILITY] = "Anrechenbar auf",
			[MCK_TEXT_LABEL_MISSING] = "Fehlt",
			[MCK_TEXT_LABEL_FROM_CREDENTIAL] = "Laut Nachweis",
			[MCK_TEXT_STATUS_TRUSTLIST] =
				"Vertrauensliste Nr. %lld, aktualisiert am %s",
			[MCK_TEXT_STATUS_ISSUERS] = "Ausstellende Stellen: %zu",
			[MCK_TEXT_STATUS_CLOCK_OK] = "Uhr gestellt",
			[MCK_TEXT_STATUS_CLOCK_UNSET] = "Uhr nicht gestellt",
			[MCK_TEXT_STATUS_CAMERA_OK] = "Kamera bereit",
			[MCK_TEXT_STATUS_CAMERA_MISSING] = "Keine Kamera",
			[MCK_TEXT_ERROR_NO_CAMERA] = "Keine Kamera und kein Scanner angeschlossen.",
			[MCK_TEXT_ERROR_TRUSTLIST_MISSING] =
				"Keine Vertrauensliste installiert. Update-Stick einstecken.",
			[MCK_TEXT_ERROR_TRUSTLIST_EXPIRED] =
				"Die Vertrauensliste ist veraltet. Update-Stick einstecken.",
			[MCK_TEXT_ERROR_CLOCK_UNSET] = "Die Uhr ist nicht gestellt; Daten werden "
						       "anhand der Vertrauensliste geprüft.",
			[MCK_TEXT_TOUCH_TO_DISMISS] =
				"Bildschirm berühren oder nächsten Code scannen",
			[MCK_TEXT_LANGUAGE_NAME] = "Deutsch",
			[MCK_TEXT_OPERATOR_TITLE] = "Betriebsstatus",
			[MCK_TEXT_OPERATOR_TRUSTLIST] = "Vertrauensliste",
			[MCK_TEXT_OPERATOR_ISSUED] = "Ausgestellt",
			[MCK_TEXT_OPERATOR_NEXT_UPDATE] = "Nächstes Update fällig",
			[MCK_TEXT_OPERATOR_ISSUERS] = "Ausstellende Stellen",
			[MCK_TEXT_OPERATOR_TIME] = "Uhrzeit",
			[MCK_TEXT_OPERATOR_SOURCE] = "Scanquelle",
			[MCK_TEXT_OPERATOR_SCANS] = "Scans seit dem Start",
			[MCK_TEXT_OPERATOR_UPTIME] = "Läuft seit",
			[MCK_TEXT_OPERATOR_DISPLAY] = "Bildschirm",
			[MCK_TEXT_OPERATOR_SOFTWARE] = "Software",
			[MCK_TEXT_OPERATOR_RETURN] = "Zum Zurückkehren den Bildschirm berühren",
			[MCK_TEXT_SESSION_CHOOSE] = "Überprüfung wählen",
			[MCK_TEXT_SESSION_START] = "Überprüfung starten",
			[MCK_TEXT_SESSION_PROMPT] = "Zeigen Sie Ihre Nachweise nacheinander",
			[MCK_TEXT_SESSION_COUNTS] = "Zählt für diese Überprüfung",
			[MCK_TEXT_SESSION_NOT_COUNTED] = "Zählt nicht für diese Überprüfung",
			[MCK_TEXT_SESSION_DUPLICATE] = "Schon gezeigt: zählt nur einmal",
			[MCK_TEXT_SESSION_FINISH] = "Abschließen",
			[MCK_TEXT_SESSION_CANCEL] = "Abbrechen",
			[MCK_TEXT_SESSION_DONE] = "Fertig",
			[MCK_TEXT_SESSION_REQUIREMENTS] = "Anforderungen",
			[MCK_TEXT_SESSION_CREDENTIALS] = "Vorgelegte Nachweise",
			[MCK_TEXT_SESSION_NONE] = "Noch keine",
			[MCK_TEXT_SESSION_HAVE_COUNT] = "%s von %s Nachweisen",
			[MCK_TEXT_SESSION_HAVE_ECTS] = "%s von %s ECTS",
			[MCK_TEXT_SESSION_HAVE_HOURS] = "%s von %s Std.",
			[MCK_TEXT_SESSION_MISSING] = "noch %s nötig",
			[MCK_TEXT_SESSION_MET] = "erfüllt",
			[MCK_TEXT_SESSION_FULL] =
				"Keine weiteren Nachweise möglich: bitte abschließen",
			[MCK_TEXT_DECISION_MET] = "ANFORDERUNGEN ERFÜLLT",
			[MCK_TEXT_DECISION_NOT_MET] = "ANFORDERUNGEN NICHT ERFÜLLT",
			[MCK_TEXT_DECISION_NOTE_MET] = "Alle Anforderungen sind erfüllt.",
			[MCK_TEXT_DECISION_NOTE_NOT_MET] =
				"Nicht alle Anforderungen sind erfüllt: Was fehlt, steht unten.",
			[MCK_TEXT_DECISION_REFERENCE] = "Referenz",
			[MCK_TEXT_DECISION_LEARNERS_DIFFER] =
				"Die Nachweise lauten auf verschiedene Personen: Bitte die "
				"Identität prüfen.",
			[MCK_TEXT_VERDICT_CANNOT_CHECK] = "HIER NICHT PRÜFBAR",
			[MCK_TEXT_ACTION_CANNOT_CHECK] =
				"Bitte wenden Sie sich an das Personal. Das Problem liegt an "
				"diesem Terminal, nicht an Ihrem Nachweis.",
			[MCK_TEXT_VERDICT_NOT_CREDENTIAL] = "KEIN NACHWEIS",
			[MCK_TEXT_SHOWN_URL] =
				"Das ist ein Weblink zu %s, kein QR-Code eines Micro-Credentials.",
			[MCK_TEXT_SHOWN_URL_NO_HOST] =
				"Das ist ein Weblink, kein QR-Code eines Micro-Credentials.",
			[MCK_TEXT_SHOWN_WIFI] =
				"Das ist ein WLAN-Code, kein QR-Code eines Micro-Credentials.",
			[MCK_TEXT_SHOWN_EU_DCC] =
				"Das ist ein digitales COVID-Zertifikat der EU, kein "
				"Micro-Credential.",
			[MCK_TEXT_SHOWN_SMART_HEALTH_CARD] =
				"Das ist eine SMART Health Card, kein Micro-Credential.",
			[MCK_TEXT_SHOWN_VCARD] =
				"Das ist eine Kontaktkarte, kein QR-Code eines Micro-Credentials.",
			[MCK_TEXT_SHOWN_TEXT] =
				"Dieser QR-Code enthält Text, kein Micro-Credential.",
			[MCK_TEXT_SHOWN_ACTION] =
				"Öffnen Sie den Nachweis in Ihrer Wallet-App und zeigen Sie "
				"dessen QR-Code.",
			[MCK_TEXT_NEXT_PERSON] = "Fertig – nächste Person",
			[MCK_TEXT_CLEARS_IN] = "Noch %d s – Tippen verlängert",
			[MCK_TEXT_STILL_THERE] =
				"Noch da? Berühren Sie den Bildschirm, um fortzufahren (%d s).",
			[MCK_TEXT_COMPARE_ID] =
				"Vergleichen Sie den Namen mit einem Ausweisdokument.",
			[MCK_TEXT_SESSION_OTHER_PERSON] =
				"Name einer anderen Person: Identität prüfen",
			[MCK_TEXT_SESSION_ADDED] = "+%s, jetzt %s in %s",
			[MCK_TEXT_SESSION_NO_MATCH] = "Passt nicht: %s",
			[MCK_TEXT_CRIT_TITLE] = "Titel",
			[MCK_TEXT_CRIT_OUTCOMES] = "Lernergebnisse",
			[MCK_TEXT_CRIT_EQF] = "EQR-Niveau",
			[MCK_TEXT_CRIT_AGE] = "Ausstellungsdatum",
			[MCK_TEXT_CRIT_ISSUER] = "ausstellende Stelle",
			[MCK_TEXT_CRIT_COUNTRY] = "Land",
			[MCK_TEXT_CRIT_VERDICT] = "für diese Überprüfung nicht zugelassen",
			[MCK_TEXT_UNIT_CREDENTIALS] = "Nachweise",
			[MCK_TEXT_STATUS_DUE_SOON] =
				"Update der Vertrauensliste in %d Tagen fällig",
			[MCK_TEXT_STATUS_OVERDUE] =
				"Update der Vertrauensliste überfällig: jetzt aktualisieren",
			[MCK_TEXT_STATUS_STATUS_LISTS] = "Widerrufslisten: %s",
			[MCK_TEXT_ERROR_TRUSTLIST_DAMAGED] =
				"Die installierten Vertrauensdaten sind beschädigt. Update-Stick "
				"einstecken.",
			[MCK_TEXT_PARTICIPATION_ONLINE] = "nur online",
			[MCK_TEXT_PARTICIPATION_ONSITE] = "vor Ort",
			[MCK_TEXT_PARTICIPATION_BLENDED] = "gemischt (online und vor Ort)",
			[MCK_TEXT_SUPERVISION_NONE] = "ohne Aufsicht",
			[MCK_TEXT_SUPERVISION_ONLINE] = "mit Online-Aufsicht",
			[MCK_TEXT_SUPERVISION_ONSITE] = "mit Aufsicht vor Ort",
			[MCK_TEXT_LABEL_ISSUED_RANGE] = "Ausstellungsdatum (gültig ab)",
			[MCK_TEXT_SCANNER_HINT] = "Scannen Sie den Code mit dem Scanner",
			[MCK_TEXT_IDLE_HINT_SCANNER] =
				"Halten Sie Handy oder Ausdruck unter den Scanner",
			[MCK_TEXT_ACTION_WARNING_ACCEPT] =
				"Echt. Sie können ihn annehmen; beachten Sie den Hinweis unten.",
			[MCK_TEXT_ACTION_WARNING_ASK] =
				"Echt, aber fragen Sie vor der Annahme das Personal.",
			[MCK_TEXT_CHUNK_NEXT] = "%u von %u Teilen gelesen – jetzt Teil %u zeigen",
			[MCK_TEXT_OPERATOR_STATUS_LISTS] = "Widerrufslisten",
			[MCK_TEXT_OPERATOR_LAST_UPDATE] = "Letztes Update",
			[MCK_TEXT_OPERATOR_LAST_ATTEMPT] = "Letzter Update-Versuch",
			[MCK_TEXT_FRESH_NEVER] = "nie",
			[MCK_TEXT_FRESH_UNKNOWN] = "unbekannt",
			[MCK_TEXT_FRESH_NO_LISTS] = "keine",
			[MCK_TEXT_FRESH_OLDEST] = "älteste: %s",
			[MCK_TEXT_FRESH_FAILED] = "fehlgeschlagen",
			[MCK_TEXT_FRESH_SUCCEEDED] = "erfolgreich",
			[MCK_TEXT_FRESH_NETWORK] = "Netzwerk",
			[MCK_TEXT_FRESH_STICK] = "Update-Stick",
			[MCK_TEXT_AGE_MINUTES] = "vor %lld Min.",
			[MCK_TEXT_AGE_HOURS] = "vor %lld Stunden",
			[MCK_TEXT_AGE_DAYS] = "vor %lld Tagen",
			[MCK_TEXT_STATUS_LISTS_DUE] = "Widerrufslisten laufen am %s ab",
			[MCK_TEXT_STATUS_LISTS_STALE] = "Widerrufslisten veraltet",
			[MCK_TEXT_STATUS_UPDATE_FAILED] = "Letztes Update fehlgeschlagen",
			[MCK_TEXT_IDLE_ACCESS] =
				"Sprachausgabe: Bildschirm 2 s halten oder * auf dem Ziffernblock  \xc2\xb7  Größere Schrift: +",
		},
	[MCK_LANG_FR] =
		{
			[MCK_TEXT_VERDICT_VALID] = "VALIDE",
			[MCK_TEXT_VERDICT_WARNING] = "À VÉRIFIER",
			[MCK_TEXT_VERDICT_INVALID] = "NON VALIDE",
			[MCK_TEXT_VERDICT_UNREADABLE] = "ILLISIBLE",
			[MCK_TEXT_VERDICT_UNUSABLE] = "VÉRIFICATION IMPOSSIBLE",
			[MCK_TEXT_ACTION_VALID] = "L'attestation est authentique.",
			[MCK_TEXT_ACTION_WARNING] = "Authentique, mais lisez les remarques "
						    "ci-dessous avant de l'accepter.",
			[MCK_TEXT_ACTION_INVALID] = "N'acceptez pas cette attestation.",
			[MCK_TEXT_ACTION_UNREADABLE] = "Tenez le code immobile, à environ 20 cm de "
						       "la caméra, puis réessayez.",
			[MCK_TEXT_ACTION_UNUSABLE] = "Appelez le personnel : cette borne ne peut "
						     "pas vérifier d'attestations pour le moment.",
			[MCK_TEXT_IDLE_TITLE] = "Présentez le code QR de votre microcertification",
			[MCK_TEXT_IDLE_HINT] =
				"Tenez votre téléphone ou votre document devant la caméra",
			[MCK_TEXT_CHUNK_PROGRESS] =
				"Partie %u sur %u lue – présentez le code suivant",
			[MCK_TEXT_LABEL_LEARNER] = "Apprenant",
			[MCK_TEXT_LABEL_TITLE] = "Intitulé",
			[MCK_TEXT_LABEL_AWARDING_BODY] = "Organisme émetteur",
			[MCK_TEXT_LABEL_CLAIMED_BODY] = "Nom selon l'attestation",
			[MCK_TEXT_LABEL_COUNTRY] = "Pays",
			[MCK_TEXT_LABEL_ISSUED] = "Date de délivrance",
			[MCK_TEXT_LABEL_EXPIRES] = "Valable jusqu'au",
			[MCK_TEXT_LABEL_EQF] = "Niveau CEC",
			[MCK_TEXT_LABEL_WORKLOAD] = "Charge de travail",
			[MCK_TEXT_LABEL_ECTS] = "ECTS",
			[MCK_TEXT_LABEL_HOURS] = "h",
			[MCK_TEXT_LABEL_OUTCOMES] = "Acquis d'apprentissage",
			[MCK_TEXT_LABEL_ASSESSMENT] = "Type d'évaluation",
			[MCK_TEXT_LABEL_PARTICIPATION] = "Mode de participation",
			[MCK_TEXT_LABEL_QUALITY] = "Assurance qualité",
			[MCK_TEXT_LABEL_PREREQUISITES] = "Prérequis",
			[MCK_TEXT_LABEL_SUPERVISION] = "Surveillance et contrôle d'identité",
			[MCK_TEXT_LABEL_GRADE] = "Note",
			[MCK_TEXT_LABEL_STACKABILITY] = "Compte pour",
			[MCK_TEXT_LABEL_MISSING] = "Manquant",
			[MCK_TEXT_LABEL_FROM_CREDENTIAL] = "Selon l'attestation",
			[MCK_TEXT_STATUS_TRUSTLIST] =
				"Liste de confiance n° %lld, mise à jour le %s",
			[MCK_TEXT_STATUS_ISSUERS] = "Organismes : %zu",
			[MCK_TEXT_STATUS_CLOCK_OK] = "Horloge réglée",
			[MCK_TEXT_STATUS_CLOCK_UNSET] = "Horloge non réglée",
			[MCK_TEXT_STATUS_CAMERA_OK] = "Caméra prête",
			[MCK_TEXT_STATUS_CAMERA_MISSING] = "Pas de caméra",
			[MCK_TEXT_ERROR_NO_CAMERA] =
				"Aucune caméra ni aucun lecteur n'est connecté.",
			[MCK_TEXT_ERROR_TRUSTLIST_MISSING] =
				"Aucune liste de confiance installée. Insérez une clé USB de mise "
				"à jour.",
			[MCK_TEXT_ERROR_TRUSTLIST_EXPIRED] = "La liste de confiance est périmée. "
							     "Insérez une clé USB de mise à jour.",
			[MCK_TEXT_ERROR_CLOCK_UNSET] =
				"L'horloge n'est pas réglée ; les dates sont vérifiées d'après la "
				"liste de confiance.",
			[MCK_TEXT_TOUCH_TO_DISMISS] = "Touchez l'écran ou scannez le code suivant",
			[MCK_TEXT_LANGUAGE_NAME] = "Français",
			[MCK_TEXT_OPERATOR_TITLE] = "État de la borne",
			[MCK_TEXT_OPERATOR_TRUSTLIST] = "Liste de confiance",
			[MCK_TEXT_OPERATOR_ISSUED] = "Émise le",
			[MCK_TEXT_OPERATOR_NEXT_UPDATE] = "Prochaine mise à jour avant le",
			[MCK_TEXT_OPERATOR_ISSUERS] = "Organismes émetteurs",
			[MCK_TEXT_OPERATOR_TIME] = "Heure",
			[MCK_TEXT_OPERATOR_SOURCE] = "Source de lecture",
			[MCK_TEXT_OPERATOR_SCANS] = "Lectures depuis le démarrage",
			[MCK_TEXT_OPERATOR_UPTIME] = "En marche depuis",
			[MCK_TEXT_OPERATOR_DISPLAY] = "Écran",
			[MCK_TEXT_OPERATOR_SOFTWARE] = "Logiciel",
			[MCK_TEXT_OPERATOR_RETURN] = "Touchez l'écran pour revenir",
			[MCK_TEXT_SESSION_CHOOSE] = "Choisissez le contrôle",
			[MCK_TEXT_SESSION_START] = "Démarrer le contrôle",
			[MCK_TEXT_SESSION_PROMPT] =
				"Présentez vos attestations l'une après l'autre",
			[MCK_TEXT_SESSION_COUNTS] = "Compte pour ce contrôle",
			[MCK_TEXT_SESSION_NOT_COUNTED] = "Ne compte pas pour ce contrôle",
			[MCK_TEXT_SESSION_DUPLICATE] = "Déjà présentée : comptée une fois",
			[MCK_TEXT_SESSION_FINISH] = "Terminer",
			[MCK_TEXT_SESSION_CANCEL] = "Annuler",
			[MCK_TEXT_SESSION_DONE] = "Fermer",
			[MCK_TEXT_SESSION_REQUIREMENTS] = "Conditions requises",
			[MCK_TEXT_SESSION_CREDENTIALS] = "Attestations présentées",
			[MCK_TEXT_SESSION_NONE] = "Aucune pour le moment",
			[MCK_TEXT_SESSION_HAVE_COUNT] = "%s sur %s attestations",
			[MCK_TEXT_SESSION_HAVE_ECTS] = "%s sur %s ECTS",
			[MCK_TEXT_SESSION_HAVE_HOURS] = "%s sur %s h",
			[MCK_TEXT_SESSION_MISSING] = "il manque %s",
			[MCK_TEXT_SESSION_MET] = "remplie",
			[MCK_TEXT_SESSION_FULL] = "Ce contrôle est complet : terminez-le",
			[MCK_TEXT_DECISION_MET] = "CONDITIONS REMPLIES",
			[MCK_TEXT_DECISION_NOT_MET] = "CONDITIONS NON REMPLIES",
			[MCK_TEXT_DECISION_NOTE_MET] = "Toutes les conditions sont remplies.",
			[MCK_TEXT_DECISION_NOTE_NOT_MET] =
				"Certaines conditions ne sont pas remplies : ce qui manque figure "
				"ci-dessous.",
			[MCK_TEXT_DECISION_REFERENCE] = "Référence",
			[MCK_TEXT_DECISION_LEARNERS_DIFFER] =
				"Les attestations portent des noms différents : vérifiez "
				"l'identité du candidat.",
			[MCK_TEXT_VERDICT_CANNOT_CHECK] = "VÉRIFICATION IMPOSSIBLE ICI",
			[MCK_TEXT_ACTION_CANNOT_CHECK] =
				"Adressez-vous au personnel. Le problème vient de cette borne, "
				"pas de votre attestation.",
			[MCK_TEXT_VERDICT_NOT_CREDENTIAL] = "PAS UNE ATTESTATION",
			[MCK_TEXT_SHOWN_URL] =
				"Ceci est un lien web vers %s, pas le code QR d'une "
				"microcertification.",
			[MCK_TEXT_SHOWN_URL_NO_HOST] =
				"Ceci est un lien web, pas le code QR d'une microcertification.",
			[MCK_TEXT_SHOWN_WIFI] =
				"Ceci est un code de réseau Wi-Fi, pas le code QR d'une "
				"microcertification.",
			[MCK_TEXT_SHOWN_EU_DCC] =
				"Ceci est un certificat COVID numérique de l'UE, pas une "
				"microcertification.",
			[MCK_TEXT_SHOWN_SMART_HEALTH_CARD] =
				"Ceci est une SMART Health Card, pas une microcertification.",
			[MCK_TEXT_SHOWN_VCARD] =
				"Ceci est une fiche de contact, pas le code QR d'une "
				"microcertification.",
			[MCK_TEXT_SHOWN_TEXT] =
				"Ce code QR contient du texte, pas une microcertification.",
			[MCK_TEXT_SHOWN_ACTION] =
				"Ouvrez l'attestation dans votre application portefeuille et "
				"présentez son code QR.",
			[MCK_TEXT_NEXT_PERSON] = "Terminé – personne suivante",
			[MCK_TEXT_CLEARS_IN] = "Effacement dans %d s – touchez pour garder",
			[MCK_TEXT_STILL_THERE] =
				"Toujours là ? Touchez l'écran pour continuer (%d s).",
			[MCK_TEXT_COMPARE_ID] = "Comparez le nom avec une pièce d'identité.",
			[MCK_TEXT_SESSION_OTHER_PERSON] =
				"Nom d'une autre personne : vérifiez l'identité",
			[MCK_TEXT_SESSION_ADDED] = "+%s, soit %s en %s",
			[MCK_TEXT_SESSION_NO_MATCH] = "Ne correspond pas : %s",
			[MCK_TEXT_CRIT_TITLE] = "intitulé",
			[MCK_TEXT_CRIT_OUTCOMES] = "acquis d'apprentissage",
			[MCK_TEXT_CRIT_EQF] = "niveau CEC",
			[MCK_TEXT_CRIT_AGE] = "date de délivrance",
			[MCK_TEXT_CRIT_ISSUER] = "organisme émetteur",
			[MCK_TEXT_CRIT_COUNTRY] = "pays",
			[MCK_TEXT_CRIT_VERDICT] = "non acceptée pour ce contrôle",
			[MCK_TEXT_UNIT_CREDENTIALS] = "attestations",
			[MCK_TEXT_STATUS_DUE_SOON] =
				"Mise à jour de la liste de confiance dans %d jours",
			[MCK_TEXT_STATUS_OVERDUE] =
				"Mise à jour de la liste de confiance en retard : à faire "
				"maintenant",
			[MCK_TEXT_STATUS_STATUS_LISTS] = "Listes de révocation : %s",
			[MCK_TEXT_ERROR_TRUSTLIST_DAMAGED] =
				"Les données de confiance installées sont endommagées. Insérez "
				"une clé USB de mise à jour.",
			[MCK_TEXT_PARTICIPATION_ONLINE] = "en ligne",
			[MCK_TEXT_PARTICIPATION_ONSITE] = "en présentiel",
			[MCK_TEXT_PARTICIPATION_BLENDED] = "hybride (en ligne et en présentiel)",
			[MCK_TEXT_SUPERVISION_NONE] = "sans surveillance",
			[MCK_TEXT_SUPERVISION_ONLINE] = "surveillance en ligne",
			[MCK_TEXT_SUPERVISION_ONSITE] = "surveillance sur place",
			[MCK_TEXT_LABEL_ISSUED_RANGE] = "Date de délivrance (début de validité)",
			[MCK_TEXT_SCANNER_HINT] = "Scannez le code avec le lecteur",
			[MCK_TEXT_IDLE_HINT_SCANNER] =
				"Tenez votre téléphone ou votre document sous le lecteur",
			[MCK_TEXT_ACTION_WARNING_ACCEPT] =
				"Authentique. Vous pouvez l'accepter ; voyez la remarque "
				"ci-dessous.",
			[MCK_TEXT_ACTION_WARNING_ASK] =
				"Authentique, mais demandez au personnel avant de l'accepter.",
			[MCK_TEXT_CHUNK_NEXT] = "%u partie(s) sur %u lue(s) – montrez maintenant la partie %u",
			[MCK_TEXT_OPERATOR_STATUS_LISTS] = "Listes de révocation",
			[MCK_TEXT_OPERATOR_LAST_UPDATE] = "Dernière mise à jour",
			[MCK_TEXT_OPERATOR_LAST_ATTEMPT] = "Dernière tentative de mise à jour",
			[MCK_TEXT_FRESH_NEVER] = "jamais",
			[MCK_TEXT_FRESH_UNKNOWN] = "inconnue",
			[MCK_TEXT_FRESH_NO_LISTS] = "aucune",
			[MCK_TEXT_FRESH_OLDEST] = "la plus ancienne : %s",
			[MCK_TEXT_FRESH_FAILED] = "échouée",
			[MCK_TEXT_FRESH_SUCCEEDED] = "réussie",
			[MCK_TEXT_FRESH_NETWORK] = "réseau",
			[MCK_TEXT_FRESH_STICK] = "clé USB de mise à jour",
			[MCK_TEXT_AGE_MINUTES] = "il y a %lld min",
			[MCK_TEXT_AGE_HOURS] = "il y a %lld heures",
			[MCK_TEXT_AGE_DAYS] = "il y a %lld jours",
			[MCK_TEXT_STATUS_LISTS_DUE] = "Listes de révocation valables jusqu'au %s",
			[MCK_TEXT_STATUS_LISTS_STALE] = "Listes de révocation périmées",
			[MCK_TEXT_STATUS_UPDATE_FAILED] = "Échec de la dernière mise à jour",
			[MCK_TEXT_IDLE_ACCESS] =
				"Voix : maintenez l'écran 2 s ou appuyez sur * du pavé  \xc2\xb7  Texte plus grand : +",
		},
	[MCK_LANG_EL] =
		{
			[MCK_TEXT_VERDICT_VALID] = "ΕΓΚΥΡΟ",
			[MCK_TEXT_VERDICT_WARNING] = "ΕΛΕΓΞΤΕ",
			[MCK_TEXT_VERDICT_INVALID] = "ΜΗ ΕΓΚΥΡΟ",
			[MCK_TEXT_VERDICT_UNREADABLE] = "ΜΗ ΑΝΑΓΝΩΣΙΜΟ",
			[MCK_TEXT_VERDICT_UNUSABLE] = "ΑΔΥΝΑΤΟΣ Ο ΕΛΕΓΧΟΣ",
			[MCK_TEXT_ACTION_VALID] = "Το πιστοποιητικό είναι γνήσιο.",
			[MCK_TEXT_ACTION_WARNING] = "Γνήσιο, αλλά διαβάστε τις σημειώσεις παρακάτω "
						    "πριν το αποδεχτείτε.",
			[MCK_TEXT_ACTION_INVALID] = "Μην αποδεχτείτε αυτό το πιστοποιητικό.",
			[MCK_TEXT_ACTION_UNREADABLE] = "Κρατήστε τον κωδικό σταθερό, περίπου 20 "
						       "εκ. από την κάμερα, και δοκιμάστε ξανά.",
			[MCK_TEXT_ACTION_UNUSABLE] = "Καλέστε το προσωπικό: αυτό το μηχάνημα δεν "
						     "μπορεί να ελέγξει πιστοποιητικά τώρα.",
			[MCK_TEXT_IDLE_TITLE] = "Δείξτε τον κωδικό QR του μικροδιαπιστευτηρίου σας",
			[MCK_TEXT_IDLE_HINT] = "Κρατήστε το κινητό ή το χαρτί μπροστά στην κάμερα",
			[MCK_TEXT_CHUNK_PROGRESS] =
				"Διαβάστηκε το μέρος %u από %u – δείξτε τον επόμενο κωδικό",
			[MCK_TEXT_LABEL_LEARNER] = "Εκπαιδευόμενος",
			[MCK_TEXT_LABEL_TITLE] = "Τίτλος",
			[MCK_TEXT_LABEL_AWARDING_BODY] = "Φορέας απονομής",
			[MCK_TEXT_LABEL_CLAIMED_BODY] = "Όνομα στο πιστοποιητικό",
			[MCK_TEXT_LABEL_COUNTRY] = "Χώρα",
			[MCK_TEXT_LABEL_ISSUED] = "Ημερομηνία έκδοσης",
			[MCK_TEXT_LABEL_EXPIRES] = "Ισχύει έως",
			[MCK_TEXT_LABEL_EQF] = "Επίπεδο ΕΠΠ",
			[MCK_TEXT_LABEL_WORKLOAD] = "Φόρτος εργασίας",
			[MCK_TEXT_LABEL_ECTS] = "ECTS",
			[MCK_TEXT_LABEL_HOURS] = "ώρες",
			[MCK_TEXT_LABEL_OUTCOMES] = "Μαθησιακά αποτελέσματα",
			[MCK_TEXT_LABEL_ASSESSMENT] = "Τύπος αξιολόγησης",
			[MCK_TEXT_LABEL_PARTICIPATION] = "Μορφή συμμετοχής",
			[MCK_TEXT_LABEL_QUALITY] = "Διασφάλιση ποιότητας",
			[MCK_TEXT_LABEL_PREREQUISITES] = "Προαπαιτούμενα",
			[MCK_TEXT_LABEL_SUPERVISION] = "Επιτήρηση και έλεγχος ταυτότητας",
			[MCK_TEXT_LABEL_GRADE] = "Βαθμός",
			[MCK_TEXT_LABEL_STACKABILITY] = "Προσμετράται σε",
			[MCK_TEXT_LABEL_MISSING] = "Λείπει",
			[MCK_TEXT_LABEL_FROM_CREDENTIAL] = "Όπως αναφέρεται στο πιστοποιητικό",
			[MCK_TEXT_STATUS_TRUSTLIST] = "Λίστα εμπιστοσύνης αρ. %lld, ενημέρωση %s",
			[MCK_TEXT_STATUS_ISSUERS] = "Φορείς: %zu",
			[MCK_TEXT_STATUS_CLOCK_OK] = "Ρολόι ρυθμισμένο",
			[MCK_TEXT_STATUS_CLOCK_UNSET] = "Ρολόι μη ρυθμισμένο",
			[MCK_TEXT_STATUS_CAMERA_OK] = "Κάμερα έτοιμη",
			[MCK_TEXT_STATUS_CAMERA_MISSING] = "Χωρίς κάμερα",
			[MCK_TEXT_ERROR_NO_CAMERA] = "Δεν έχει συνδεθεί κάμερα ή σαρωτής.",
			[MCK_TEXT_ERROR_TRUSTLIST_MISSING] =
				"Δεν υπάρχει λίστα εμπιστοσύνης. Συνδέστε ένα USB ενημέρωσης.",
			[MCK_TEXT_ERROR_TRUSTLIST_EXPIRED] =
				"Η λίστα εμπιστοσύνης έχει λήξει. Συνδέστε ένα USB ενημέρωσης.",
			[MCK_TEXT_ERROR_CLOCK_UNSET] =
				"Το ρολόι δεν είναι ρυθμισμένο· οι ημερομηνίες ελέγχονται με βάση "
				"τη λίστα εμπιστοσύνης.",
			[MCK_TEXT_TOUCH_TO_DISMISS] =
				"Αγγίξτε την οθόνη ή σαρώστε τον επόμενο κωδικό",
			[MCK_TEXT_LANGUAGE_NAME] = "Ελληνικά",
			[MCK_TEXT_OPERATOR_TITLE] = "Κατάσταση λειτουργίας",
			[MCK_TEXT_OPERATOR_TRUSTLIST] = "Λίστα εμπιστοσύνης",
			[MCK_TEXT_OPERATOR_ISSUED] = "Έκδοση",
			[MCK_TEXT_OPERATOR_NEXT_UPDATE] = "Επόμενη ενημέρωση έως",
			[MCK_TEXT_OPERATOR_ISSUERS] = "Φορείς απονομής",
			[MCK_TEXT_OPERATOR_TIME] = "Ώρα",
			[MCK_TEXT_OPERATOR_SOURCE] = "Πηγή σάρωσης",
			[MCK_TEXT_OPERATOR_SCANS] = "Σαρώσεις από την εκκίνηση",
			[MCK_TEXT_OPERATOR_UPTIME] = "Σε λειτουργία για",
			[MCK_TEXT_OPERATOR_DISPLAY] = "Οθόνη",
			[MCK_TEXT_OPERATOR_SOFTWARE] = "Λογισμικό",
			[MCK_TEXT_OPERATOR_RETURN] = "Αγγίξτε την οθόνη για επιστροφή",
			[MCK_TEXT_SESSION_CHOOSE] = "Επιλέξτε τον έλεγχο",
			[MCK_TEXT_SESSION_START] = "Έναρξη ελέγχου",
			[MCK_TEXT_SESSION_PROMPT] =
				"Δείξτε τα πιστοποιητικά σας το ένα μετά το άλλο",
			[MCK_TEXT_SESSION_COUNTS] = "Προσμετράται σε αυτόν τον έλεγχο",
			[MCK_TEXT_SESSION_NOT_COUNTED] = "Δεν προσμετράται σε αυτόν τον έλεγχο",
			[MCK_TEXT_SESSION_DUPLICATE] = "Έχει ήδη σαρωθεί: μετράει μία φορά",
			[MCK_TEXT_SESSION_FINISH] = "Ολοκλήρωση",
			[MCK_TEXT_SESSION_CANCEL] = "Ακύρωση",
			[MCK_TEXT_SESSION_DONE] = "Τέλος",
			[MCK_TEXT_SESSION_REQUIREMENTS] = "Απαιτήσεις",
			[MCK_TEXT_SESSION_CREDENTIALS] = "Σαρωμένα πιστοποιητικά",
			[MCK_TEXT_SESSION_NONE] = "Κανένα ακόμη",
			[MCK_TEXT_SESSION_HAVE_COUNT] = "%s από %s πιστοποιητικά",
			[MCK_TEXT_SESSION_HAVE_ECTS] = "%s από %s ECTS",
			[MCK_TEXT_SESSION_HAVE_HOURS] = "%s από %s ώρες",
			[MCK_TEXT_SESSION_MISSING] = "λείπουν: %s",
			[MCK_TEXT_SESSION_MET] = "πληρούται",
			[MCK_TEXT_SESSION_FULL] = "Ο έλεγχος είναι πλήρης: ολοκληρώστε τον",
			[MCK_TEXT_DECISION_MET] = "ΠΛΗΡΟΪ ΤΙΣ ΑΠΑΙΤΗΣΕΙΣ",
			[MCK_TEXT_DECISION_NOT_MET] = "ΔΕΝ ΠΛΗΡΟΪ ΤΙΣ ΑΠΑΙΤΗΣΕΙΣ",
			[MCK_TEXT_DECISION_NOTE_MET] = "Πληρούνται όλες οι απαιτήσεις.",
			[MCK_TEXT_DECISION_NOTE_NOT_MET] = "Δεν πληρούνται όλες οι απαιτήσεις: όσα "
							   "λείπουν αναφέρονται παρακάτω.",
			[MCK_TEXT_DECISION_REFERENCE] = "Κωδικός αναφοράς",
			[MCK_TEXT_DECISION_LEARNERS_DIFFER] =
				"Τα πιστοποιητικά αναφέρουν διαφορετικά πρόσωπα: ελέγξτε την "
				"ταυτότητα του υποψηφίου.",
			[MCK_TEXT_VERDICT_CANNOT_CHECK] = "ΑΔΥΝΑΤΟΣ Ο ΕΛΕΓΧΟΣ ΕΔΩ",
			[MCK_TEXT_ACTION_CANNOT_CHECK] =
				"Απευθυνθείτε στο προσωπικό. Το πρόβλημα είναι του μηχανήματος, "
				"όχι του πιστοποιητικού σας.",
			[MCK_TEXT_VERDICT_NOT_CREDENTIAL] = "ΔΕΝ ΕΙΝΑΙ ΠΙΣΤΟΠΟΙΗΤΙΚΟ",
			[MCK_TEXT_SHOWN_URL] =
				"Αυτός είναι σύνδεσμος προς %s, όχι κωδικός QR "
				"μικροδιαπιστευτηρίου.",
			[MCK_TEXT_SHOWN_URL_NO_HOST] =
				"Αυτός είναι σύνδεσμος ιστοσελίδας, όχι κωδικός QR "
				"μικροδιαπιστευτηρίου.",
			[MCK_TEXT_SHOWN_WIFI] =
				"Αυτός είναι κωδικός δικτύου Wi-Fi, όχι κωδικός QR "
				"μικροδιαπιστευτηρίου.",
			[MCK_TEXT_SHOWN_EU_DCC] =
				"Αυτό είναι ψηφιακό πιστοποιητικό COVID της ΕΕ, όχι "
				"μικροδιαπιστευτήριο.",
			[MCK_TEXT_SHOWN_SMART_HEALTH_CARD] =
				"Αυτό είναι κάρτα υγείας SMART Health Card, όχι "
				"μικροδιαπιστευτήριο.",
			[MCK_TEXT_SHOWN_VCARD] =
				"Αυτό είναι κάρτα επαφής, όχι κωδικός QR μικροδιαπιστευτηρίου.",
			[MCK_TEXT_SHOWN_TEXT] =
				"Αυτός ο κωδικός QR περιέχει κείμενο, όχι μικροδιαπιστευτήριο.",
			[MCK_TEXT_SHOWN_ACTION] =
				"Ανοίξτε το πιστοποιητικό στην εφαρμογή πορτοφολιού σας και "
				"δείξτε τον κωδικό QR του.",
			[MCK_TEXT_NEXT_PERSON] = "Τέλος – επόμενο άτομο",
			[MCK_TEXT_CLEARS_IN] = "Κλείνει σε %d δευτ. – αγγίξτε για παράταση",
			[MCK_TEXT_STILL_THERE] =
				"Είστε ακόμη εδώ; Αγγίξτε την οθόνη για να συνεχίσετε (%d δευτ.).",
			[MCK_TEXT_COMPARE_ID] = "Συγκρίνετε το όνομα με ένα έγγραφο ταυτότητας.",
			[MCK_TEXT_SESSION_OTHER_PERSON] =
				"Όνομα άλλου προσώπου: ελέγξτε την ταυτότητα",
			[MCK_TEXT_SESSION_ADDED] = "+%s, τώρα %s σε %s",
			[MCK_TEXT_SESSION_NO_MATCH] = "Δεν ταιριάζει: %s",
			[MCK_TEXT_CRIT_TITLE] = "τίτλος",
			[MCK_TEXT_CRIT_OUTCOMES] = "μαθησιακά αποτελέσματα",
			[MCK_TEXT_CRIT_EQF] = "επίπεδο ΕΠΠ",
			[MCK_TEXT_CRIT_AGE] = "ημερομηνία έκδοσης",
			[MCK_TEXT_CRIT_ISSUER] = "φορέας απονομής",
			[MCK_TEXT_CRIT_COUNTRY] = "χώρα",
			[MCK_TEXT_CRIT_VERDICT] = "δεν γίνεται δεκτό σε αυτόν τον έλεγχο",
			[MCK_TEXT_UNIT_CREDENTIALS] = "πιστοποιητικά",
			[MCK_TEXT_STATUS_DUE_SOON] = "Ενημέρωση λίστας εμπιστοσύνης σε %d ημέρες",
			[MCK_TEXT_STATUS_OVERDUE] =
				"Η ενημέρωση της λίστας εμπιστοσύνης καθυστερεί: ενημερώστε τώρα",
			[MCK_TEXT_STATUS_STATUS_LISTS] = "Λίστες ανακλήσεων: %s",
			[MCK_TEXT_ERROR_TRUSTLIST_DAMAGED] =
				"Τα εγκατεστημένα δεδομένα εμπιστοσύνης είναι κατεστραμμένα. "
				"Συνδέστε ένα USB ενημέρωσης.",
			[MCK_TEXT_PARTICIPATION_ONLINE] = "διαδικτυακά",
			[MCK_TEXT_PARTICIPATION_ONSITE] = "δια ζώσης",
			[MCK_TEXT_PARTICIPATION_BLENDED] = "μικτή (διαδικτυακά και δια ζώσης)",
			[MCK_TEXT_SUPERVISION_NONE] = "χωρίς επιτήρηση",
			[MCK_TEXT_SUPERVISION_ONLINE] = "διαδικτυακή επιτήρηση",
			[MCK_TEXT_SUPERVISION_ONSITE] = "επιτήρηση δια ζώσης",
			[MCK_TEXT_LABEL_ISSUED_RANGE] = "Ημερομηνία έκδοσης (ισχύει από)",
			[MCK_TEXT_SCANNER_HINT] = "Σαρώστε τον κωδικό με τον σαρωτή",
			[MCK_TEXT_IDLE_HINT_SCANNER] =
				"Κρατήστε το κινητό ή το χαρτί κάτω από τον σαρωτή",
			[MCK_TEXT_ACTION_WARNING_ACCEPT] =
				"Γνήσιο. Μπορείτε να το αποδεχτείτε· δείτε τη σημείωση παρακάτω.",
			[MCK_TEXT_ACTION_WARNING_ASK] =
				"Γνήσιο, αλλά ρωτήστε το προσωπικό πριν το αποδεχτείτε.",
			[MCK_TEXT_CHUNK_NEXT] = "Διαβάστηκαν %u από %u μέρη – δείξτε τώρα το μέρος %u",
			[MCK_TEXT_OPERATOR_STATUS_LISTS] = "Λίστες ανακλήσεων",
			[MCK_TEXT_OPERATOR_LAST_UPDATE] = "Τελευταία ενημέρωση",
			[MCK_TEXT_OPERATOR_LAST_ATTEMPT] = "Τελευταία απόπειρα ενημέρωσης",
			[MCK_TEXT_FRESH_NEVER] = "ποτέ",
			[MCK_TEXT_FRESH_UNKNOWN] = "άγνωστη",
			[MCK_TEXT_FRESH_NO_LISTS] = "καμία",
			[MCK_TEXT_FRESH_OLDEST] = "παλαιότερη: %s",
			[MCK_TEXT_FRESH_FAILED] = "απέτυχε",
			[MCK_TEXT_FRESH_SUCCEEDED] = "επιτυχής",
			[MCK_TEXT_FRESH_NETWORK] = "δίκτυο",
			[MCK_TEXT_FRESH_STICK] = "USB ενημέρωσης",
			[MCK_TEXT_AGE_MINUTES] = "πριν από %lld λεπ.",
			[MCK_TEXT_AGE_HOURS] = "πριν από %lld ώρες",
			[MCK_TEXT_AGE_DAYS] = "πριν από %lld ημέρες",
			[MCK_TEXT_STATUS_LISTS_DUE] = "Οι λίστες ανακλήσεων λήγουν στις %s",
			[MCK_TEXT_STATUS_LISTS_STALE] = "Λίστες ανακλήσεων ληγμένες",
			[MCK_TEXT_STATUS_UPDATE_FAILED] = "Η τελευταία ενημέρωση απέτυχε",
			[MCK_TEXT_IDLE_ACCESS] =
				"Ομιλία: κρατήστε την οθόνη 2 δευτ. ή πατήστε * στο πληκτρολόγιο  \xc2\xb7  Μεγαλύτερα γράμματα: +",
		},
	[MCK_LANG_IT] =
		{
			[MCK_TEXT_VERDICT_VALID] = "VALIDO",
			[MCK_TEXT_VERDICT_WARNING] = "DA VERIFICARE",
			[MCK_TEXT_VERDICT_INVALID] = "NON VALIDO",
			[MCK_TEXT_VERDICT_UNREADABLE] = "ILLEGGIBILE",
			[MCK_TEXT_VERDICT_UNUSABLE] = "VERIFICA IMPOSSIBILE",
			[MCK_TEXT_ACTION_VALID] = "La credenziale è autentica.",
			[MCK_TEXT_ACTION_WARNING] =
				"Autentica, ma leggi le note qui sotto prima di accettarla.",
			[MCK_TEXT_ACTION_INVALID] = "Non accettare questa credenziale.",
			[MCK_TEXT_ACTION_UNREADABLE] =
				"Tieni fermo il codice, a circa 20 cm dalla fotocamera, e riprova.",
			[MCK_TEXT_ACTION_UNUSABLE] = "Chiama il personale: questo terminale ora "
						     "non può verificare credenziali.",
			[MCK_TEXT_IDLE_TITLE] = "Mostra il codice QR della tua microcredenziale",
			[MCK_TEXT_IDLE_HINT] =
				"Tieni il telefono o il foglio davanti alla fotocamera",
			[MCK_TEXT_CHUNK_PROGRESS] =
				"Letta la parte %u di %u – mostra il codice successivo",
			[MCK_TEXT_LABEL_LEARNER] = "Discente",
			[MCK_TEXT_LABEL_TITLE] = "Titolo",
			[MCK_TEXT_LABEL_AWARDING_BODY] = "Ente di rilascio",
			[MCK_TEXT_LABEL_CLAIMED_BODY] = "Nome secondo la credenziale",
			[MCK_TEXT_LABEL_COUNTRY] = "Paese",
			[MCK_TEXT_LABEL_ISSUED] = "Data di rilascio",
			[MCK_TEXT_LABEL_EXPIRES] = "Valida fino al",
			[MCK_TEXT_LABEL_EQF] = "Livello EQF",
			[MCK_TEXT_LABEL_WORKLOAD] = "Carico di lavoro",
			[MCK_TEXT_LABEL_ECTS] = "ECTS",
			[MCK_TEXT_LABEL_HOURS] = "ore",
			[MCK_TEXT_LABEL_OUTCOMES] = "Risultati di apprendimento",
			[MCK_TEXT_LABEL_ASSESSMENT] = "Tipo di valutazione",
			[MCK_TEXT_LABEL_PARTICIPATION] = "Modalità di partecipazione",
			[MCK_TEXT_LABEL_QUALITY] = "Garanzia della qualità",
			[MCK_TEXT_LABEL_PREREQUISITES] = "Prerequisiti",
			[MCK_TEXT_LABEL_SUPERVISION] = "Sorveglianza e verifica dell'identità",
			[MCK_TEXT_LABEL_GRADE] = "Voto",
			[MCK_TEXT_LABEL_STACKABILITY] = "Vale per",
			[MCK_TEXT_LABEL_MISSING] = "Mancante",
			[MCK_TEXT_LABEL_FROM_CREDENTIAL] = "Secondo la credenziale",
			[MCK_TEXT_STATUS_TRUSTLIST] = "Elenco di fiducia n. %lld, aggiornato il %s",
			[MCK_TEXT_STATUS_ISSUERS] = "Enti: %zu",
			[MCK_TEXT_STATUS_CLOCK_OK] = "Orologio impostato",
			[MCK_TEXT_STATUS_CLOCK_UNSET] = "Orologio non impostato",
			[MCK_TEXT_STATUS_CAMERA_OK] = "Fotocamera pronta",
			[MCK_TEXT_STATUS_CAMERA_MISSING] = "Nessuna fotocamera",
			[MCK_TEXT_ERROR_NO_CAMERA] = "Nessuna fotocamera o lettore collegato.",
			[MCK_TEXT_ERROR_TRUSTLIST_MISSING] =
				"Nessun elenco di fiducia installato. Inserisci una chiavetta di "
				"aggiornamento.",
			[MCK_TEXT_ERROR_TRUSTLIST_EXPIRED] =
				"L'elenco di fiducia è scaduto. Inserisci una chiavetta di "
				"aggiornamento.",
			[MCK_TEXT_ERROR_CLOCK_UNSET] = "L'orologio non è impostato; le date sono "
						       "verificate in base all'elenco di fiducia.",
			[MCK_TEXT_TOUCH_TO_DISMISS] =
				"Tocca lo schermo o scansiona il codice successivo",
			[MCK_TEXT_LANGUAGE_NAME] = "Italiano",
			[MCK_TEXT_OPERATOR_TITLE] = "Stato del chiosco",
			[MCK_TEXT_OPERATOR_TRUSTLIST] = "Elenco di fiducia",
			[MCK_TEXT_OPERATOR_ISSUED] = "Emesso il",
			[MCK_TEXT_OPERATOR_NEXT_UPDATE] = "Prossimo aggiornamento entro il",
			[MCK_TEXT_OPERATOR_ISSUERS] = "Enti di rilascio",
			[MCK_TEXT_OPERATOR_TIME] = "Ora",
			[MCK_TEXT_OPERATOR_SOURCE] = "Sorgente di scansione",
			[MCK_TEXT_OPERATOR_SCANS] = "Scansioni dall'avvio",
			[MCK_TEXT_OPERATOR_UPTIME] = "In funzione da",
			[MCK_TEXT_OPERATOR_DISPLAY] = "Schermo",
			[MCK_TEXT_OPERATOR_SOFTWARE] = "Software",
			[MCK_TEXT_OPERATOR_RETURN] = "Tocca lo schermo per tornare",
			[MCK_TEXT_SESSION_CHOOSE] = "Scegli il controllo",
			[MCK_TEXT_SESSION_START] = "Avvia controllo",
			[MCK_TEXT_SESSION_PROMPT] = "Mostra le tue credenziali una alla volta",
			[MCK_TEXT_SESSION_COUNTS] = "Vale per questo controllo",
			[MCK_TEXT_SESSION_NOT_COUNTED] = "Non vale per questo controllo",
			[MCK_TEXT_SESSION_DUPLICATE] = "Già mostrata: conta una volta",
			[MCK_TEXT_SESSION_FINISH] = "Termina",
			[MCK_TEXT_SESSION_CANCEL] = "Annulla",
			[MCK_TEXT_SESSION_DONE] = "Fine",
			[MCK_TEXT_SESSION_REQUIREMENTS] = "Requisiti",
			[MCK_TEXT_SESSION_CREDENTIALS] = "Credenziali mostrate",
			[MCK_TEXT_SESSION_NONE] = "Ancora nessuna",
			[MCK_TEXT_SESSION_HAVE_COUNT] = "%s di %s credenziali",
			[MCK_TEXT_SESSION_HAVE_ECTS] = "%s di %s ECTS",
			[MCK_TEXT_SESSION_HAVE_HOURS] = "%s di %s ore",
			[MCK_TEXT_SESSION_MISSING] = "mancanti: %s",
			[MCK_TEXT_SESSION_MET] = "soddisfatto",
			[MCK_TEXT_SESSION_FULL] = "Numero massimo raggiunto: termina il controllo",
			[MCK_TEXT_DECISION_MET] = "REQUISITI SODDISFATTI",
			[MCK_TEXT_DECISION_NOT_MET] = "REQUISITI NON SODDISFATTI",
			[MCK_TEXT_DECISION_NOTE_MET] = "Tutti i requisiti sono soddisfatti.",
			[MCK_TEXT_DECISION_NOTE_NOT_MET] =
				"Non tutti i requisiti sono soddisfatti: ciò che manca è indicato "
				"qui sotto.",
			[MCK_TEXT_DECISION_REFERENCE] = "Riferimento",
			[MCK_TEXT_DECISION_LEARNERS_DIFFER] =
				"Le credenziali sono intestate a persone diverse: verifica "
				"l'identità del candidato.",
			[MCK_TEXT_VERDICT_CANNOT_CHECK] = "VERIFICA NON POSSIBILE QUI",
			[MCK_TEXT_ACTION_CANNOT_CHECK] =
				"Rivolgiti al personale. Il problema è di questo terminale, non "
				"della tua credenziale.",
			[MCK_TEXT_VERDICT_NOT_CREDENTIAL] = "NON È UNA CREDENZIALE",
			[MCK_TEXT_SHOWN_URL] =
				"Questo è un link web a %s, non il codice QR di una "
				"microcredenziale.",
			[MCK_TEXT_SHOWN_URL_NO_HOST] =
				"Questo è un link web, non il codice QR di una microcredenziale.",
			[MCK_TEXT_SHOWN_WIFI] =
				"Questo è il codice di una rete Wi-Fi, non il codice QR di una "
				"microcredenziale.",
			[MCK_TEXT_SHOWN_EU_DCC] =
				"Questo è un certificato COVID digitale dell'UE, non una "
				"microcredenziale.",
			[MCK_TEXT_SHOWN_SMART_HEALTH_CARD] =
				"Questa è una SMART Health Card, non una microcredenziale.",
			[MCK_TEXT_SHOWN_VCARD] =
				"Questo è un biglietto da visita, non il codice QR di una "
				"microcredenziale.",
			[MCK_TEXT_SHOWN_TEXT] =
				"Questo codice QR contiene testo, non una microcredenziale.",
			[MCK_TEXT_SHOWN_ACTION] =
				"Apri la credenziale nella tua app portafoglio e mostra il suo "
				"codice QR.",
			[MCK_TEXT_NEXT_PERSON] = "Fatto – persona successiva",
			[MCK_TEXT_CLEARS_IN] = "Si chiude tra %d s – tocca per tenerlo",
			[MCK_TEXT_STILL_THERE] =
				"Sei ancora lì? Tocca lo schermo per continuare (%d s).",
			[MCK_TEXT_COMPARE_ID] = "Confronta il nome con un documento d'identità.",
			[MCK_TEXT_SESSION_OTHER_PERSON] =
				"Nome di un'altra persona: verifica l'identità",
			[MCK_TEXT_SESSION_ADDED] = "+%s, ora %s in %s",
			[MCK_TEXT_SESSION_NO_MATCH] = "Non corrisponde: %s",
			[MCK_TEXT_CRIT_TITLE] = "titolo",
			[MCK_TEXT_CRIT_OUTCOMES] = "risultati di apprendimento",
			[MCK_TEXT_CRIT_EQF] = "livello EQF",
			[MCK_TEXT_CRIT_AGE] = "data di rilascio",
			[MCK_TEXT_CRIT_ISSUER] = "ente di rilascio",
			[MCK_TEXT_CRIT_COUNTRY] = "paese",
			[MCK_TEXT_CRIT_VERDICT] = "non accettata per questo controllo",
			[MCK_TEXT_UNIT_CREDENTIALS] = "credenziali",
			[MCK_TEXT_STATUS_DUE_SOON] =
				"Aggiornamento dell'elenco di fiducia tra %d giorni",
			[MCK_TEXT_STATUS_OVERDUE] =
				"Aggiornamento dell'elenco di fiducia scaduto: aggiorna ora",
			[MCK_TEXT_STATUS_STATUS_LISTS] = "Elenchi di revoca: %s",
			[MCK_TEXT_ERROR_TRUSTLIST_DAMAGED] =
				"I dati di fiducia installati sono danneggiati. Inserisci una "
				"chiavetta di aggiornamento.",
			[MCK_TEXT_PARTICIPATION_ONLINE] = "a distanza",
			[MCK_TEXT_PARTICIPATION_ONSITE] = "in presenza",
			[MCK_TEXT_PARTICIPATION_BLENDED] = "mista (a distanza e in presenza)",
			[MCK_TEXT_SUPERVISION_NONE] = "senza sorveglianza",
			[MCK_TEXT_SUPERVISION_ONLINE] = "sorveglianza a distanza",
			[MCK_TEXT_SUPERVISION_ONSITE] = "sorveglianza in presenza",
			[MCK_TEXT_LABEL_ISSUED_RANGE] = "Data di rilascio (valida dal)",
			[MCK_TEXT_SCANNER_HINT] = "Scansiona il codice con il lettore",
			[MCK_TEXT_IDLE_HINT_SCANNER] =
				"Tieni il telefono o il foglio sotto il lettore",
			[MCK_TEXT_ACTION_WARNING_ACCEPT] =
				"Autentica. Puoi accettarla; vedi la nota qui sotto.",
			[MCK_TEXT_ACTION_WARNING_ASK] =
				"Autentica, ma chiedi al personale prima di accettarla.",
			[MCK_TEXT_CHUNK_NEXT] = "Lette %u parti su %u – ora mostra la parte %u",
			[MCK_TEXT_OPERATOR_STATUS_LISTS] = "Elenchi di revoca",
			[MCK_TEXT_OPERATOR_LAST_UPDATE] = "Ultimo aggiornamento",
			[MCK_TEXT_OPERATOR_LAST_ATTEMPT] = "Ultimo tentativo di aggiornamento",
			[MCK_TEXT_FRESH_NEVER] = "mai",
			[MCK_TEXT_FRESH_UNKNOWN] = "sconosciuto",
			[MCK_TEXT_FRESH_NO_LISTS] = "nessuno",
			[MCK_TEXT_FRESH_OLDEST] = "il più vecchio: %s",
			[MCK_TEXT_FRESH_FAILED] = "non riuscito",
			[MCK_TEXT_FRESH_SUCCEEDED] = "riuscito",
			[MCK_TEXT_FRESH_NETWORK] = "rete",
			[MCK_TEXT_FRESH_STICK] = "chiavetta di aggiornamento",
			[MCK_TEXT_AGE_MINUTES] = "%lld min fa",
			[MCK_TEXT_AGE_HOURS] = "%lld ore fa",
			[MCK_TEXT_AGE_DAYS] = "%lld giorni fa",
			[MCK_TEXT_STATUS_LISTS_DUE] = "Elenchi di revoca in scadenza il %s",
			[MCK_TEXT_STATUS_LISTS_STALE] = "Elenchi di revoca scaduti",
			[MCK_TEXT_STATUS_UPDATE_FAILED] = "Ultimo aggiornamento non riuscito",
			[MCK_TEXT_IDLE_ACCESS] =
				"Voce: tieni premuto lo schermo 2 s o premi * sul tastierino  \xc2\xb7  Testo più grande: +",
		},
	[MCK_LANG_ES] =
		{
			[MCK_TEXT_VERDICT_VALID] = "VÁLIDO",
			[MCK_TEXT_VERDICT_WARNING] = "REVISAR",
			[MCK_TEXT_VERDICT_INVALID] = "NO VÁLIDO",
			[MCK_TEXT_VERDICT_UNREADABLE] = "ILEGIBLE",
			[MCK_TEXT_VERDICT_UNUSABLE] = "NO SE PUEDE VERIFICAR",
			[MCK_TEXT_ACTION_VALID] = "La credencial es auténtica.",
			[MCK_TEXT_ACTION_WARNING] =
				"Auténtica, pero lea las notas de abajo antes de aceptarla.",
			[MCK_TEXT_ACTION_INVALID] = "No acepte esta credencial.",
			[MCK_TEXT_ACTION_UNREADABLE] = "Mantenga el código quieto, a unos 20 cm de "
						       "la cámara, e inténtelo de nuevo.",
			[MCK_TEXT_ACTION_UNUSABLE] = "Avise al personal: este quiosco no puede "
						     "verificar credenciales ahora.",
			[MCK_TEXT_IDLE_TITLE] = "Muestre el código QR de su microcredencial",
			[MCK_TEXT_IDLE_HINT] = "Sostenga el móvil o el papel delante de la cámara",
			[MCK_TEXT_CHUNK_PROGRESS] =
				"Leída la parte %u de %u – muestre el siguiente código",
			[MCK_TEXT_LABEL_LEARNER] = "Participante",
			[MCK_TEXT_LABEL_TITLE] = "Título",
			[MCK_TEXT_LABEL_AWARDING_BODY] = "Entidad emisora",
			[MCK_TEXT_LABEL_CLAIMED_BODY] = "Nombre según la credencial",
			[MCK_TEXT_LABEL_COUNTRY] = "País",
			[MCK_TEXT_LABEL_ISSUED] = "Fecha de emisión",
			[MCK_TEXT_LABEL_EXPIRES] = "Válida hasta",
			[MCK_TEXT_LABEL_EQF] = "Nivel MEC",
			[MCK_TEXT_LABEL_WORKLOAD] = "Carga de trabajo",
			[MCK_TEXT_LABEL_ECTS] = "ECTS",
			[MCK_TEXT_LABEL_HOURS] = "h",
			[MCK_TEXT_LABEL_OUTCOMES] = "Resultados de aprendizaje",
			[MCK_TEXT_LABEL_ASSESSMENT] = "Tipo de evaluación",
			[MCK_TEXT_LABEL_PARTICIPATION] = "Modalidad de participación",
			[MCK_TEXT_LABEL_QUALITY] = "Garantía de calidad",
			[MCK_TEXT_LABEL_PREREQUISITES] = "Requisitos previos",
			[MCK_TEXT_LABEL_SUPERVISION] = "Supervisión y verificación de identidad",
			[MCK_TEXT_LABEL_GRADE] = "Calificación",
			[MCK_TEXT_LABEL_STACKABILITY] = "Cuenta para",
			[MCK_TEXT_LABEL_MISSING] = "Falta",
			[MCK_TEXT_LABEL_FROM_CREDENTIAL] = "Según la credencial",
			[MCK_TEXT_STATUS_TRUSTLIST] =
				"Lista de confianza n.º %lld, actualizada el %s",
			[MCK_TEXT_STATUS_ISSUERS] = "Entidades: %zu",
			[MCK_TEXT_STATUS_CLOCK_OK] = "Reloj en hora",
			[MCK_TEXT_STATUS_CLOCK_UNSET] = "Reloj sin ajustar",
			[MCK_TEXT_STATUS_CAMERA_OK] = "Cámara lista",
			[MCK_TEXT_STATUS_CAMERA_MISSING] = "Sin cámara",
			[MCK_TEXT_ERROR_NO_CAMERA] = "No hay ninguna cámara ni lector conectados.",
			[MCK_TEXT_ERROR_TRUSTLIST_MISSING] =
				"No hay lista de confianza instalada. Inserte una memoria USB de "
				"actualización.",
			[MCK_TEXT_ERROR_TRUSTLIST_EXPIRED] =
				"La lista de confianza está caducada. Inserte una memoria USB de "
				"actualización.",
			[MCK_TEXT_ERROR_CLOCK_UNSET] = "El reloj no está en hora; las fechas se "
						       "comprueban con la lista de confianza.",
			[MCK_TEXT_TOUCH_TO_DISMISS] =
				"Toque la pantalla o escanee el siguiente código",
			[MCK_TEXT_LANGUAGE_NAME] = "Español",
			[MCK_TEXT_OPERATOR_TITLE] = "Estado del quiosco",
			[MCK_TEXT_OPERATOR_TRUSTLIST] = "Lista de confianza",
			[MCK_TEXT_OPERATOR_ISSUED] = "Emitida el",
			[MCK_TEXT_OPERATOR_NEXT_UPDATE] = "Próxima actualización antes del",
			[MCK_TEXT_OPERATOR_ISSUERS] = "Organismos emisores",
			[MCK_TEXT_OPERATOR_TIME] = "Hora",
			[MCK_TEXT_OPERATOR_SOURCE] = "Fuente de lectura",
			[MCK_TEXT_OPERATOR_SCANS] = "Lecturas desde el inicio",
			[MCK_TEXT_OPERATOR_UPTIME] = "En funcionamiento desde hace",
			[MCK_TEXT_OPERATOR_DISPLAY] = "Pantalla",
			[MCK_TEXT_OPERATOR_SOFTWARE] = "Software",
			[MCK_TEXT_OPERATOR_RETURN] = "Toque la pantalla para volver",
			[MCK_TEXT_SESSION_CHOOSE] = "Elija la comprobación",
			[MCK_TEXT_SESSION_START] = "Iniciar comprobación",
			[MCK_TEXT_SESSION_PROMPT] = "Muestre sus credenciales una tras otra",
			[MCK_TEXT_SESSION_COUNTS] = "Cuenta para esta comprobación",
			[MCK_TEXT_SESSION_NOT_COUNTED] = "No cuenta para esta comprobación",
			[MCK_TEXT_SESSION_DUPLICATE] = "Ya mostrada: cuenta una vez",
			[MCK_TEXT_SESSION_FINISH] = "Finalizar",
			[MCK_TEXT_SESSION_CANCEL] = "Cancelar",
			[MCK_TEXT_SESSION_DONE] = "Listo",
			[MCK_TEXT_SESSION_REQUIREMENTS] = "Requisitos",
			[MCK_TEXT_SESSION_CREDENTIALS] = "Credenciales mostradas",
			[MCK_TEXT_SESSION_NONE] = "Ninguna todavía",
			[MCK_TEXT_SESSION_HAVE_COUNT] = "%s de %s credenciales",
			[MCK_TEXT_SESSION_HAVE_ECTS] = "%s de %s ECTS",
			[MCK_TEXT_SESSION_HAVE_HOURS] = "%s de %s h",
			[MCK_TEXT_SESSION_MISSING] = "faltan: %s",
			[MCK_TEXT_SESSION_MET] = "cumplido",
			[MCK_TEXT_SESSION_FULL] = "Límite alcanzado: finalice la comprobación",
			[MCK_TEXT_DECISION_MET] = "CUMPLE LOS REQUISITOS",
			[MCK_TEXT_DECISION_NOT_MET] = "NO CUMPLE LOS REQUISITOS",
			[MCK_TEXT_DECISION_NOTE_MET] = "Se cumplen todos los requisitos.",
			[MCK_TEXT_DECISION_NOTE_NOT_MET] =
				"No se cumplen todos los requisitos: lo que falta se indica abajo.",
			[MCK_TEXT_DECISION_REFERENCE] = "Referencia",
			[MCK_TEXT_DECISION_LEARNERS_DIFFER] =
				"Las credenciales están a nombre de personas distintas: compruebe "
				"la identidad del candidato.",
			[MCK_TEXT_VERDICT_CANNOT_CHECK] = "NO SE PUEDE VERIFICAR AQUÍ",
			[MCK_TEXT_ACTION_CANNOT_CHECK] =
				"Pida ayuda al personal. El problema es de este quiosco, no de su "
				"credencial.",
			[MCK_TEXT_VERDICT_NOT_CREDENTIAL] = "NO ES UNA CREDENCIAL",
			[MCK_TEXT_SHOWN_URL] =
				"Esto es un enlace web a %s, no el código QR de una "
				"microcredencial.",
			[MCK_TEXT_SHOWN_URL_NO_HOST] =
				"Esto es un enlace web, no el código QR de una microcredencial.",
			[MCK_TEXT_SHOWN_WIFI] =
				"Esto es el código de una red wifi, no el código QR de una "
				"microcredencial.",
			[MCK_TEXT_SHOWN_EU_DCC] =
				"Esto es un certificado COVID digital de la UE, no una "
				"microcredencial.",
			[MCK_TEXT_SHOWN_SMART_HEALTH_CARD] =
				"Esto es una SMART Health Card, no una microcredencial.",
			[MCK_TEXT_SHOWN_VCARD] =
				"Esto es una tarjeta de contacto, no el código QR de una "
				"microcredencial.",
			[MCK_TEXT_SHOWN_TEXT] =
				"Este código QR contiene texto, no una microcredencial.",
			[MCK_TEXT_SHOWN_ACTION] =
				"Abra la credencial en su aplicación de cartera y muestre su "
				"código QR.",
			[MCK_TEXT_NEXT_PERSON] = "Listo – siguiente persona",
			[MCK_TEXT_CLEARS_IN] = "Se borra en %d s – toque para mantenerlo",
			[MCK_TEXT_STILL_THERE] =
				"¿Sigue ahí? Toque la pantalla para continuar (%d s).",
			[MCK_TEXT_COMPARE_ID] = "Compare el nombre con un documento de identidad.",
			[MCK_TEXT_SESSION_OTHER_PERSON] =
				"Nombre de otra persona: compruebe la identidad",
			[MCK_TEXT_SESSION_ADDED] = "+%s, ahora %s en %s",
			[MCK_TEXT_SESSION_NO_MATCH] = "No coincide: %s",
			[MCK_TEXT_CRIT_TITLE] = "título",
			[MCK_TEXT_CRIT_OUTCOMES] = "resultados de aprendizaje",
			[MCK_TEXT_CRIT_EQF] = "nivel MEC",
			[MCK_TEXT_CRIT_AGE] = "fecha de emisión",
			[MCK_TEXT_CRIT_ISSUER] = "entidad emisora",
			[MCK_TEXT_CRIT_COUNTRY] = "país",
			[MCK_TEXT_CRIT_VERDICT] = "no aceptada para esta comprobación",
			[MCK_TEXT_UNIT_CREDENTIALS] = "credenciales",
			[MCK_TEXT_STATUS_DUE_SOON] =
				"Actualización de la lista de confianza en %d días",
			[MCK_TEXT_STATUS_OVERDUE] =
				"Actualización de la lista de confianza atrasada: actualice ahora",
			[MCK_TEXT_STATUS_STATUS_LISTS] = "Listas de revocación: %s",
			[MCK_TEXT_ERROR_TRUSTLIST_DAMAGED] =
				"Los datos de confianza instalados están dañados. Inserte una "
				"memoria USB de actualización.",
			[MCK_TEXT_PARTICIPATION_ONLINE] = "en línea",
			[MCK_TEXT_PARTICIPATION_ONSITE] = "presencial",
			[MCK_TEXT_PARTICIPATION_BLENDED] = "mixta (en línea y presencial)",
			[MCK_TEXT_SUPERVISION_NONE] = "sin supervisión",
			[MCK_TEXT_SUPERVISION_ONLINE] = "supervisión en línea",
			[MCK_TEXT_SUPERVISION_ONSITE] = "supervisión presencial",
			[MCK_TEXT_LABEL_ISSUED_RANGE] = "Fecha de emisión (válida desde)",
			[MCK_TEXT_SCANNER_HINT] = "Escanee el código con el lector",
			[MCK_TEXT_IDLE_HINT_SCANNER] =
				"Sostenga el móvil o el papel bajo el lector",
			[MCK_TEXT_ACTION_WARNING_ACCEPT] =
				"Auténtica. Puede aceptarla; vea la nota de abajo.",
			[MCK_TEXT_ACTION_WARNING_ASK] =
				"Auténtica, pero consulte al personal antes de aceptarla.",
			[MCK_TEXT_CHUNK_NEXT] = "Leídas %u de %u partes – muestre ahora la parte %u",
			[MCK_TEXT_OPERATOR_STATUS_LISTS] = "Listas de revocación",
			[MCK_TEXT_OPERATOR_LAST_UPDATE] = "Última actualización",
			[MCK_TEXT_OPERATOR_LAST_ATTEMPT] = "Último intento de actualización",
			[MCK_TEXT_FRESH_NEVER] = "nunca",
			[MCK_TEXT_FRESH_UNKNOWN] = "sin datos",
			[MCK_TEXT_FRESH_NO_LISTS] = "ninguna",
			[MCK_TEXT_FRESH_OLDEST] = "la más antigua: %s",
			[MCK_TEXT_FRESH_FAILED] = "fallido",
			[MCK_TEXT_FRESH_SUCCEEDED] = "correcto",
			[MCK_TEXT_FRESH_NETWORK] = "red",
			[MCK_TEXT_FRESH_STICK] = "memoria USB de actualización",
			[MCK_TEXT_AGE_MINUTES] = "hace %lld min",
			[MCK_TEXT_AGE_HOURS] = "hace %lld horas",
			[MCK_TEXT_AGE_DAYS] = "hace %lld días",
			[MCK_TEXT_STATUS_LISTS_DUE] = "Las listas de revocación caducan el %s",
			[MCK_TEXT_STATUS_LISTS_STALE] = "Listas de revocación caducadas",
			[MCK_TEXT_STATUS_UPDATE_FAILED] = "Falló la última actualización",
			[MCK_TEXT_IDLE_ACCESS] =
				"Voz: mantenga pulsada la pantalla 2 s o pulse * en el teclado  \xc2\xb7  Texto más grande: +",
		},
};

static const char *const reasons[MCK_LANG_COUNT][MCK_REASON_COUNT] = {
	[MCK_LANG_PL] =
		{
			[MCK_REASON_TRUSTLIST_MISSING] =
				"Ten kiosk nie ma listy zaufania i nie może sprawdzać "
				"poświadczeń. Zwróć się do obsługi.",
			[MCK_REASON_TRUSTLIST_INVALID] =
				"Lista zaufania tego kiosku jest nieprawidłowa; nie może on "
				"sprawdzać. Zwróć się do obsługi.",
			[MCK_REASON_ANCHOR_MISSING] =
				"Ten kiosk nie jest w pełni skonfigurowany (brak klucza "
				"zaufania). Zwróć się do obsługi.",
			[MCK_REASON_NO_CODE] =
				"Nie znaleziono kodu QR. Pokaż kod ponownie i trzymaj go "
				"nieruchomo.",
			[MCK_REASON_NOT_A_CREDENTIAL] =
				"Ten kod QR nie jest mikropoświadczeniem. Pokaż właściwy kod QR "
				"poświadczenia.",
			[MCK_REASON_CHUNKS_INCOMPLETE] =
				"Brakuje części poświadczenia złożonego z kilku kodów. Pokaż "
				"wszystkie jego kody.",
			[MCK_REASON_SEVERAL_CREDENTIALS] =
				"Pokazano więcej niż jedno poświadczenie. Pokaż je po kolei.",
			[MCK_REASON_MALFORMED] =
				"Kod nie ma uzgodnionego formatu. Nie przyjmuj go; poproś "
				"instytucję o nowe poświadczenie.",
			[MCK_REASON_ALG_NOT_ALLOWED] =
				"Poświadczenie podpisano niedozwoloną metodą. Nie przyjmuj go.",
			[MCK_REASON_KEY_UNKNOWN] =
				"Poświadczenie podpisano kluczem spoza listy zaufania. Nie "
				"przyjmuj go.",
			[MCK_REASON_SIGNATURE_INVALID] =
				"Podpis się nie zgadza: poświadczenie zmieniono lub podrobiono. "
				"Nie przyjmuj go.",
			[MCK_REASON_PAYLOAD_TOO_LARGE] =
				"Poświadczenie przekracza dozwolony rozmiar. Nie przyjmuj go.",
			[MCK_REASON_ISSUER_UNKNOWN] =
				"Instytucji przyznającej nie ma na liście zaufania. Nie przyjmuj "
				"tego poświadczenia.",
			[MCK_REASON_KEY_ISSUER_MISMATCH] =
				"Poświadczenie podpisano kluczem innej instytucji. Nie przyjmuj "
				"go.",
			[MCK_REASON_KEY_NOT_VALID_AT_ISSUANCE] =
				"Klucz podpisu nie był ważny w dniu wydania. Nie przyjmuj tego "
				"poświadczenia.",
			[MCK_REASON_ISSUER_SUSPENDED] =
				"Wydane po zawieszeniu instytucji. Nie przyjmuj go.",
			[MCK_REASON_ISSUER_WITHDRAWN] =
				"Wydane po wycofaniu instytucji. Nie przyjmuj go.",
			[MCK_REASON_ISSUER_STATUS_CHANGED] =
				"Autentyczne i wydane przed zawieszeniem lub wycofaniem "
				"instytucji. Możesz je przyjąć.",
			[MCK_REASON_TRUSTLIST_EXPIRED] =
				"Lista zaufania tego kiosku jest nieaktualna; nie może on niczego "
				"sprawdzić. Zwróć się do obsługi.",
			[MCK_REASON_TRUSTLIST_STALE] =
				"Lista zaufania tego kiosku wymaga aktualizacji. Przed przyjęciem "
				"poświadczenia zapytaj obsługę.",
			[MCK_REASON_CLOCK_UNSET] =
				"Zegar tego kiosku nie jest ustawiony. Przed przyjęciem "
				"poświadczenia zapytaj obsługę.",
			[MCK_REASON_NOT_YET_VALID] =
				"Poświadczenie jeszcze nie jest ważne. Nie przyjmuj go przed datą "
				"ważności.",
			[MCK_REASON_EXPIRED] = "Poświadczenie wygasło. Nie przyjmuj go.",
			[MCK_REASON_REVOKED] =
				"Instytucja unieważniła to poświadczenie. Nie przyjmuj go.",
			[MCK_REASON_STATUS_UNKNOWN] =
				"Ten kiosk nie mógł sprawdzić, czy poświadczenie unieważniono. "
				"Przed przyjęciem zapytaj obsługę.",
			[MCK_REASON_REVOCATION_LIST_STALE] =
				"Lista unieważnionych poświadczeń w tym kiosku jest nieaktualna. "
				"Przed przyjęciem zapytaj obsługę.",
			[MCK_REASON_INCOMPLETE] =
				"Autentyczne, ale brak części wymaganych danych. Przyjmij je, "
				"jeśli te dane nie są dla ciebie ważne.",
		},
	[MCK_LANG_DE] =
		{
			[MCK_REASON_TRUSTLIST_MISSING] =
				"Diesem Terminal fehlt die Vertrauensliste; es kann nichts "
				"prüfen. Bitte fragen Sie das Personal.",
			[MCK_REASON_TRUSTLIST_INVALID] =
				"Die Vertrauensliste dieses Terminals ist ungültig; es kann "
				"nichts prüfen. Bitte fragen Sie das Personal.",
			[MCK_REASON_ANCHOR_MISSING] =
				"Dieses Terminal ist nicht fertig eingerichtet (kein "
				"Vertrauensanker). Bitte fragen Sie das Personal.",
			[MCK_REASON_NO_CODE] =
				"Kein QR-Code gefunden. Bitte zeigen Sie den Code erneut und "
				"halten Sie ihn ruhig.",
			[MCK_REASON_NOT_A_CREDENTIAL] =
				"Dieser QR-Code ist kein Micro-Credential. Bitte zeigen Sie den "
				"QR-Code Ihres Nachweises.",
			[MCK_REASON_CHUNKS_INCOMPLETE] =
				"Es fehlen Teile dieses mehrteiligen Nachweises. Bitte zeigen Sie "
				"alle seine Codes.",
			[MCK_REASON_SEVERAL_CREDENTIALS] =
				"Es wurde mehr als ein Nachweis gezeigt. Bitte zeigen Sie sie "
				"einzeln.",
			[MCK_REASON_MALFORMED] =
				"Der Code hat nicht das vereinbarte Format. Bitte nicht annehmen; "
				"neuen Nachweis anfordern.",
			[MCK_REASON_ALG_NOT_ALLOWED] =
				"Der Nachweis ist mit einem nicht zugelassenen Verfahren "
				"signiert. Bitte nicht annehmen.",
			[MCK_REASON_KEY_UNKNOWN] =
				"Der Signaturschlüssel steht nicht auf der Vertrauensliste. Bitte "
				"nicht annehmen.",
			[MCK_REASON_SIGNATURE_INVALID] =
				"Die Signatur stimmt nicht: Der Nachweis wurde verändert oder "
				"gefälscht. Bitte nicht annehmen.",
			[MCK_REASON_PAYLOAD_TOO_LARGE] =
				"Der Nachweis ist größer als erlaubt. Bitte nicht annehmen.",
			[MCK_REASON_ISSUER_UNKNOWN] =
				"Die ausstellende Stelle steht nicht auf der Vertrauensliste. "
				"Bitte nicht annehmen.",
			[MCK_REASON_KEY_ISSUER_MISMATCH] =
				"Der Nachweis wurde mit dem Schlüssel einer anderen Stelle "
				"signiert. Bitte nicht annehmen.",
			[MCK_REASON_KEY_NOT_VALID_AT_ISSUANCE] =
				"Der Signaturschlüssel war am Ausstellungsdatum nicht gültig. "
				"Bitte nicht annehmen.",
			[MCK_REASON_ISSUER_SUSPENDED] =
				"Ausgestellt nach der Suspendierung der Stelle. Bitte nicht "
				"annehmen.",
			[MCK_REASON_ISSUER_WITHDRAWN] =
				"Ausgestellt nach dem Ausschluss der Stelle. Bitte nicht annehmen.",
			[MCK_REASON_ISSUER_STATUS_CHANGED] =
				"Echt, vor Suspendierung oder Ausschluss der Stelle ausgestellt. "
				"Sie können ihn annehmen.",
			[MCK_REASON_TRUSTLIST_EXPIRED] =
				"Die Vertrauensliste dieses Terminals ist veraltet; es kann "
				"nichts prüfen. Bitte fragen Sie das Personal.",
			[MCK_REASON_TRUSTLIST_STALE] =
				"Die Vertrauensliste dieses Terminals muss aktualisiert werden. "
				"Fragen Sie vor der Annahme das Personal.",
			[MCK_REASON_CLOCK_UNSET] =
				"Die Uhr dieses Terminals ist nicht gestellt. Fragen Sie vor der "
				"Annahme das Personal.",
			[MCK_REASON_NOT_YET_VALID] =
				"Der Nachweis ist noch nicht gültig. Bitte noch nicht annehmen.",
			[MCK_REASON_EXPIRED] = "Der Nachweis ist abgelaufen. Bitte nicht annehmen.",
			[MCK_REASON_REVOKED] =
				"Die ausstellende Stelle hat diesen Nachweis widerrufen. Bitte "
				"nicht annehmen.",
			[MCK_REASON_STATUS_UNKNOWN] =
				"Das Terminal konnte den Widerruf nicht prüfen. Fragen Sie vor "
				"der Annahme das Personal.",
			[MCK_REASON_REVOCATION_LIST_STALE] =
				"Die Widerrufsliste dieses Terminals ist veraltet. Fragen Sie vor "
				"der Annahme das Personal.",
			[MCK_REASON_INCOMPLETE] =
				"Echt, aber einige Pflichtangaben fehlen. Nur annehmen, wenn sie "
				"für Sie unwichtig sind.",
		},
	[MCK_LANG_FR] =
		{
			[MCK_REASON_TRUSTLIST_MISSING] =
				"Cette borne n'a pas de liste de confiance et ne peut rien "
				"vérifier. Adressez-vous au personnel.",
			[MCK_REASON_TRUSTLIST_INVALID] =
				"La liste de confiance de cette borne n'est pas valide. "
				"Adressez-vous au personnel.",
			[MCK_REASON_ANCHOR_MISSING] =
				"Cette borne n'est pas entièrement configurée (pas d'ancre de "
				"confiance). Adressez-vous au personnel.",
			[MCK_REASON_NO_CODE] =
				"Aucun code QR trouvé. Présentez de nouveau le code en le tenant "
				"immobile.",
			[MCK_REASON_NOT_A_CREDENTIAL] =
				"Ce code QR n'est pas une microcertification. Présentez le code "
				"QR de l'attestation elle-même.",
			[MCK_REASON_CHUNKS_INCOMPLETE] =
				"Il manque des parties de cette attestation en plusieurs codes. "
				"Présentez tous ses codes.",
			[MCK_REASON_SEVERAL_CREDENTIALS] =
				"Plus d'une attestation a été présentée. Présentez-les une par "
				"une.",
			[MCK_REASON_MALFORMED] =
				"Le code n'est pas au format convenu. Ne l'acceptez pas ; "
				"l'organisme peut en délivrer une nouvelle.",
			[MCK_REASON_ALG_NOT_ALLOWED] =
				"L'attestation est signée avec une méthode non autorisée. Ne "
				"l'acceptez pas.",
			[MCK_REASON_KEY_UNKNOWN] =
				"L'attestation a été signée avec une clé absente de la liste de "
				"confiance. Ne l'acceptez pas.",
			[MCK_REASON_SIGNATURE_INVALID] =
				"La signature ne correspond pas : l'attestation a été modifiée ou "
				"falsifiée. Ne l'acceptez pas.",
			[MCK_REASON_PAYLOAD_TOO_LARGE] =
				"L'attestation dépasse la taille autorisée. Ne l'acceptez pas.",
			[MCK_REASON_ISSUER_UNKNOWN] =
				"L'organisme émetteur n'est pas sur la liste de confiance. "
				"N'acceptez pas cette attestation.",
			[MCK_REASON_KEY_ISSUER_MISMATCH] =
				"L'attestation a été signée avec la clé d'un autre organisme. Ne "
				"l'acceptez pas.",
			[MCK_REASON_KEY_NOT_VALID_AT_ISSUANCE] =
				"La clé de signature n'était pas valable à la date de délivrance. "
				"N'acceptez pas cette attestation.",
			[MCK_REASON_ISSUER_SUSPENDED] =
				"Délivrée après la suspension de l'organisme. Ne l'acceptez pas.",
			[MCK_REASON_ISSUER_WITHDRAWN] =
				"Délivrée après le retrait de l'organisme. Ne l'acceptez pas.",
			[MCK_REASON_ISSUER_STATUS_CHANGED] =
				"Authentique et délivrée avant la suspension ou le retrait de "
				"l'organisme. Vous pouvez l'accepter.",
			[MCK_REASON_TRUSTLIST_EXPIRED] =
				"La liste de confiance de cette borne est périmée : vérification "
				"impossible. Adressez-vous au personnel.",
			[MCK_REASON_TRUSTLIST_STALE] =
				"La liste de confiance de cette borne doit être mise à jour. "
				"Demandez au personnel avant d'accepter.",
			[MCK_REASON_CLOCK_UNSET] =
				"L'horloge de cette borne n'est pas réglée. Demandez au personnel "
				"avant d'accepter.",
			[MCK_REASON_NOT_YET_VALID] =
				"L'attestation n'est pas encore valable. Ne l'acceptez pas pour "
				"l'instant.",
			[MCK_REASON_EXPIRED] = "L'attestation a expiré. Ne l'acceptez pas.",
			[MCK_REASON_REVOKED] =
				"L'organisme a révoqué cette attestation. Ne l'acceptez pas.",
			[MCK_REASON_STATUS_UNKNOWN] =
				"Cette borne n'a pas pu vérifier une éventuelle révocation. "
				"Demandez au personnel avant d'accepter.",
			[MCK_REASON_REVOCATION_LIST_STALE] =
				"La liste des révocations de cette borne est périmée. Demandez au "
				"personnel avant d'accepter.",
			[MCK_REASON_INCOMPLETE] =
				"Authentique, mais il manque des informations requises. Ne "
				"l'acceptez que si elles vous sont inutiles.",
		},
	[MCK_LANG_EL] =
		{
			[MCK_REASON_TRUSTLIST_MISSING] =
				"Αυτό το μηχάνημα δεν έχει λίστα εμπιστοσύνης και δεν μπορεί να "
				"ελέγξει. Απευθυνθείτε στο προσωπικό.",
			[MCK_REASON_TRUSTLIST_INVALID] =
				"Η λίστα εμπιστοσύνης του μηχανήματος δεν είναι έγκυρη. "
				"Απευθυνθείτε στο προσωπικό.",
			[MCK_REASON_ANCHOR_MISSING] =
				"Αυτό το μηχάνημα δεν έχει ρυθμιστεί πλήρως. Απευθυνθείτε στο "
				"προσωπικό.",
			[MCK_REASON_NO_CODE] =
				"Δεν βρέθηκε κωδικός QR. Δείξτε ξανά τον κωδικό και κρατήστε τον "
				"σταθερό.",
			[MCK_REASON_NOT_A_CREDENTIAL] =
				"Αυτός ο κωδικός QR δεν είναι μικροδιαπιστευτήριο. Δείξτε τον "
				"κωδικό QR του ίδιου του πιστοποιητικού.",
			[MCK_REASON_CHUNKS_INCOMPLETE] =
				"Λείπουν μέρη αυτού του πιστοποιητικού πολλών κωδικών. Δείξτε "
				"όλους τους κωδικούς του.",
			[MCK_REASON_SEVERAL_CREDENTIALS] =
				"Εμφανίστηκαν περισσότερα από ένα πιστοποιητικά. Δείξτε τα "
				"ένα-ένα.",
			[MCK_REASON_MALFORMED] =
				"Ο κωδικός δεν έχει τη συμφωνημένη μορφή. Μην το αποδεχτείτε· "
				"ζητήστε νέο από τον φορέα.",
			[MCK_REASON_ALG_NOT_ALLOWED] =
				"Το πιστοποιητικό υπογράφηκε με μη επιτρεπτή μέθοδο. Μην το "
				"αποδεχτείτε.",
			[MCK_REASON_KEY_UNKNOWN] =
				"Το πιστοποιητικό υπογράφηκε με κλειδί που δεν είναι στη λίστα "
				"εμπιστοσύνης. Μην το αποδεχτείτε.",
			[MCK_REASON_SIGNATURE_INVALID] =
				"Η υπογραφή δεν ταιριάζει: το πιστοποιητικό αλλοιώθηκε ή "
				"πλαστογραφήθηκε. Μην το αποδεχτείτε.",
			[MCK_REASON_PAYLOAD_TOO_LARGE] =
				"Το πιστοποιητικό είναι μεγαλύτερο από το επιτρεπτό. Μην το "
				"αποδεχτείτε.",
			[MCK_REASON_ISSUER_UNKNOWN] =
				"Ο φορέας απονομής δεν είναι στη λίστα εμπιστοσύνης. Μην "
				"αποδεχτείτε το πιστοποιητικό.",
			[MCK_REASON_KEY_ISSUER_MISMATCH] =
				"Το πιστοποιητικό υπογράφηκε με κλειδί άλλου φορέα. Μην το "
				"αποδεχτείτε.",
			[MCK_REASON_KEY_NOT_VALID_AT_ISSUANCE] =
				"Το κλειδί υπογραφής δεν ίσχυε την ημερομηνία έκδοσης. Μην "
				"αποδεχτείτε το πιστοποιητικό.",
			[MCK_REASON_ISSUER_SUSPENDED] =
				"Εκδόθηκε μετά την αναστολή του φορέα. Μην το αποδεχτείτε.",
			[MCK_REASON_ISSUER_WITHDRAWN] =
				"Εκδόθηκε μετά την απόσυρση του φορέα. Μην το αποδεχτείτε.",
			[MCK_REASON_ISSUER_STATUS_CHANGED] =
				"Γνήσιο και εκδόθηκε πριν από την αναστολή ή απόσυρση του φορέα. "
				"Μπορείτε να το αποδεχτείτε.",
			[MCK_REASON_TRUSTLIST_EXPIRED] =
				"Η λίστα εμπιστοσύνης του μηχανήματος έχει λήξει· ο έλεγχος είναι "
				"αδύνατος. Απευθυνθείτε στο προσωπικό.",
			[MCK_REASON_TRUSTLIST_STALE] =
				"Η λίστα του μηχανήματος χρειάζεται ενημέρωση. Ρωτήστε το "
				"προσωπικό πριν το αποδεχτείτε.",
			[MCK_REASON_CLOCK_UNSET] =
				"Το ρολόι του μηχανήματος δεν είναι ρυθμισμένο. Ρωτήστε το "
				"προσωπικό πριν το αποδεχτείτε.",
			[MCK_REASON_NOT_YET_VALID] =
				"Το πιστοποιητικό δεν ισχύει ακόμη. Μην το αποδεχτείτε ακόμη.",
			[MCK_REASON_EXPIRED] = "Το πιστοποιητικό έχει λήξει. Μην το αποδεχτείτε.",
			[MCK_REASON_REVOKED] =
				"Ο φορέας ανακάλεσε αυτό το πιστοποιητικό. Μην το αποδεχτείτε.",
			[MCK_REASON_STATUS_UNKNOWN] =
				"Το μηχάνημα δεν μπόρεσε να ελέγξει για ανάκληση. Ρωτήστε το "
				"προσωπικό πριν το αποδεχτείτε.",
			[MCK_REASON_REVOCATION_LIST_STALE] =
				"Η λίστα ανακλήσεων του μηχανήματος είναι παλιά. Ρωτήστε το "
				"προσωπικό πριν το αποδεχτείτε.",
			[MCK_REASON_INCOMPLETE] =
				"Γνήσιο, αλλά λείπουν υποχρεωτικά στοιχεία. Αποδεχτείτε το μόνο "
				"αν δεν σας αφορούν.",
		},
	[MCK_LANG_IT] =
		{
			[MCK_REASON_TRUSTLIST_MISSING] =
				"Questo terminale non ha un elenco di fiducia e non può "
				"verificare. Rivolgiti al personale.",
			[MCK_REASON_TRUSTLIST_INVALID] =
				"L'elenco di fiducia di questo terminale non è valido. Rivolgiti "
				"al personale.",
			[MCK_REASON_ANCHOR_MISSING] =
				"Questo terminale non è configurato del tutto (manca l'ancora di "
				"fiducia). Rivolgiti al personale.",
			[MCK_REASON_NO_CODE] =
				"Nessun codice QR trovato. Mostra di nuovo il codice tenendolo "
				"fermo.",
			[MCK_REASON_NOT_A_CREDENTIAL] =
				"Questo codice QR non è una microcredenziale. Mostra il codice QR "
				"della credenziale stessa.",
			[MCK_REASON_CHUNKS_INCOMPLETE] =
				"Mancano alcune parti di questa credenziale in più codici. Mostra "
				"tutti i suoi codici.",
			[MCK_REASON_SEVERAL_CREDENTIALS] =
				"È stata mostrata più di una credenziale. Mostrale una alla volta.",
			[MCK_REASON_MALFORMED] =
				"Il codice non è nel formato concordato. Non accettare la "
				"credenziale; chiedine una nuova all'ente.",
			[MCK_REASON_ALG_NOT_ALLOWED] =
				"La credenziale è firmata con un metodo non ammesso. Non "
				"accettarla.",
			[MCK_REASON_KEY_UNKNOWN] =
				"La credenziale è firmata con una chiave che non è nell'elenco di "
				"fiducia. Non accettarla.",
			[MCK_REASON_SIGNATURE_INVALID] =
				"La firma non corrisponde: la credenziale è stata alterata o "
				"contraffatta. Non accettarla.",
			[MCK_REASON_PAYLOAD_TOO_LARGE] =
				"La credenziale è più grande del consentito. Non accettarla.",
			[MCK_REASON_ISSUER_UNKNOWN] =
				"L'ente di rilascio non è nell'elenco di fiducia. Non accettare "
				"la credenziale.",
			[MCK_REASON_KEY_ISSUER_MISMATCH] =
				"La credenziale è firmata con la chiave di un altro ente. Non "
				"accettarla.",
			[MCK_REASON_KEY_NOT_VALID_AT_ISSUANCE] =
				"La chiave di firma non era valida alla data di rilascio. Non "
				"accettare la credenziale.",
			[MCK_REASON_ISSUER_SUSPENDED] =
				"Rilasciata dopo la sospensione dell'ente. Non accettarla.",
			[MCK_REASON_ISSUER_WITHDRAWN] =
				"Rilasciata dopo il ritiro dell'ente. Non accettarla.",
			[MCK_REASON_ISSUER_STATUS_CHANGED] =
				"Autentica e rilasciata prima della sospensione o del ritiro "
				"dell'ente. Puoi accettarla.",
			[MCK_REASON_TRUSTLIST_EXPIRED] =
				"L'elenco di fiducia di questo terminale è scaduto: non può "
				"verificare. Rivolgiti al personale.",
			[MCK_REASON_TRUSTLIST_STALE] =
				"L'elenco di fiducia di questo terminale va aggiornato. Chiedi al "
				"personale prima di accettarla.",
			[MCK_REASON_CLOCK_UNSET] =
				"L'orologio di questo terminale non è impostato. Chiedi al "
				"personale prima di accettarla.",
			[MCK_REASON_NOT_YET_VALID] =
				"La credenziale non è ancora valida. Non accettarla per ora.",
			[MCK_REASON_EXPIRED] = "La credenziale è scaduta. Non accettarla.",
			[MCK_REASON_REVOKED] =
				"L'ente ha revocato questa credenziale. Non accettarla.",
			[MCK_REASON_STATUS_UNKNOWN] =
				"Questo terminale non ha potuto verificare la revoca. Chiedi al "
				"personale prima di accettarla.",
			[MCK_REASON_REVOCATION_LIST_STALE] =
				"L'elenco delle revoche di questo terminale non è aggiornato. "
				"Chiedi al personale prima di accettarla.",
			[MCK_REASON_INCOMPLETE] =
				"Autentica, ma mancano alcuni dati obbligatori. Accettala solo se "
				"quei dati non contano per te.",
		},
	[MCK_LANG_ES] =
		{
			[MCK_REASON_TRUSTLIST_MISSING] =
				"Este quiosco no tiene lista de confianza y no puede verificar. "
				"Pida ayuda al personal.",
			[MCK_REASON_TRUSTLIST_INVALID] =
				"La lista de confianza de este quiosco no es válida. Pida ayuda "
				"al personal.",
			[MCK_REASON_ANCHOR_MISSING] =
				"Este quiosco no está configurado del todo (falta el ancla de "
				"confianza). Pida ayuda al personal.",
			[MCK_REASON_NO_CODE] =
				"No se ha encontrado ningún código QR. Muestre el código de nuevo "
				"y manténgalo quieto.",
			[MCK_REASON_NOT_A_CREDENTIAL] =
				"Este código QR no es una microcredencial. Muestre el código QR "
				"de la propia credencial.",
			[MCK_REASON_CHUNKS_INCOMPLETE] =
				"Faltan partes de esta credencial de varios códigos. Muestre "
				"todos sus códigos.",
			[MCK_REASON_SEVERAL_CREDENTIALS] =
				"Se ha mostrado más de una credencial. Muéstrelas de una en una.",
			[MCK_REASON_MALFORMED] =
				"El código no tiene el formato acordado. No acepte la credencial; "
				"pida una nueva a la entidad emisora.",
			[MCK_REASON_ALG_NOT_ALLOWED] =
				"La credencial está firmada con un método no permitido. No la "
				"acepte.",
			[MCK_REASON_KEY_UNKNOWN] =
				"La credencial está firmada con una clave que no figura en la "
				"lista de confianza. No la acepte.",
			[MCK_REASON_SIGNATURE_INVALID] =
				"La firma no coincide: la credencial se ha alterado o "
				"falsificado. No la acepte.",
			[MCK_REASON_PAYLOAD_TOO_LARGE] =
				"La credencial supera el tamaño permitido. No la acepte.",
			[MCK_REASON_ISSUER_UNKNOWN] =
				"La entidad emisora no figura en la lista de confianza. No acepte "
				"la credencial.",
			[MCK_REASON_KEY_ISSUER_MISMATCH] =
				"La credencial está firmada con la clave de otra entidad. No la "
				"acepte.",
			[MCK_REASON_KEY_NOT_VALID_AT_ISSUANCE] =
				"La clave de firma no era válida en la fecha de emisión. No "
				"acepte la credencial.",
			[MCK_REASON_ISSUER_SUSPENDED] =
				"Emitida después de la suspensión de la entidad. No la acepte.",
			[MCK_REASON_ISSUER_WITHDRAWN] =
				"Emitida después de la retirada de la entidad. No la acepte.",
			[MCK_REASON_ISSUER_STATUS_CHANGED] =
				"Auténtica y emitida antes de la suspensión o retirada de la "
				"entidad. Puede aceptarla.",
			[MCK_REASON_TRUSTLIST_EXPIRED] =
				"La lista de confianza de este quiosco está caducada y no puede "
				"verificar. Pida ayuda al personal.",
			[MCK_REASON_TRUSTLIST_STALE] =
				"La lista de confianza de este quiosco necesita actualizarse. "
				"Consulte al personal antes de aceptarla.",
			[MCK_REASON_CLOCK_UNSET] =
				"El reloj de este quiosco no está en hora. Consulte al personal "
				"antes de aceptarla.",
			[MCK_REASON_NOT_YET_VALID] =
				"La credencial aún no es válida. No la acepte todavía.",
			[MCK_REASON_EXPIRED] = "La credencial ha caducado. No la acepte.",
			[MCK_REASON_REVOKED] =
				"La entidad emisora ha revocado esta credencial. No la acepte.",
			[MCK_REASON_STATUS_UNKNOWN] =
				"Este quiosco no pudo comprobar si la credencial fue revocada. "
				"Consulte al personal antes de aceptarla.",
			[MCK_REASON_REVOCATION_LIST_STALE] =
				"La lista de revocaciones de este quiosco está anticuada. "
				"Consulte al personal antes de aceptarla.",
			[MCK_REASON_INCOMPLETE] =
				"Auténtica, pero faltan algunos datos obligatorios. Acéptela solo "
				"si esos datos no le importan.",
		},
};

static const char *const codes[MCK_LANG_COUNT] = {"en", "pl", "de", "fr", "el", "it", "es"};

const char *mck_i18n_text(enum mck_lang lang, enum mck_text key)
{
	const char *s = NULL;

	if ((unsigned)key >= MCK_TEXT_COUNT) {
		return "";
	}
	if ((unsigned)lang < MCK_LANG_COUNT && lang != MCK_LANG_EN) {
		s = texts[lang][key];
	}
	return s != NULL ? s : english[key];
}

const char *mck_i18n_reason(enum mck_lang lang, enum mck_reason reason)
{
	const char *s = NULL;

	if ((unsigned)reason >= MCK_REASON_COUNT) {
		return "";
	}
	if ((unsigned)lang < MCK_LANG_COUNT && lang != MCK_LANG_EN) {
		s = reasons[lang][reason];
	}
	return s != NULL ? s : mck_reason_text(reason);
}

struct value_text {
	const char *code;
	enum mck_text key;
};

static const struct value_text participation[] = {
	{"online", MCK_TEXT_PARTICIPATION_ONLINE},
	{"onsite", MCK_TEXT_PARTICIPATION_ONSITE},
	{"blended", MCK_TEXT_PARTICIPATION_BLENDED},
};

static const struct value_text supervision[] = {
	{"none", MCK_TEXT_SUPERVISION_NONE},
	{"supervised-online", MCK_TEXT_SUPERVISION_ONLINE},
	{"supervised-onsite", MCK_TEXT_SUPERVISION_ONSITE},
};

static const char *value_text(enum mck_lang lang, const char *code, const struct value_text *v,
			      size_t n)
{
	if (code == NULL) {
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (strcmp(code, v[i].code) == 0) {
			return mck_i18n_text(lang, v[i].key);
		}
	}
	return NULL;
}

const char *mck_i18n_participation(enum mck_lang lang, const char *code)
{
	return value_text(lang, code, participation,
			  sizeof(participation) / sizeof(participation[0]));
}

const char *mck_i18n_supervision(enum mck_lang lang, const char *code)
{
	return value_text(lang, code, supervision, sizeof(supervision) / sizeof(supervision[0]));
}

const char *mck_i18n_code(enum mck_lang lang)
{
	return (unsigned)lang < MCK_LANG_COUNT ? codes[lang] : codes[MCK_LANG_EN];
}

int mck_i18n_from_code(const char *code)
{
	if (code == NULL) {
		return -1;
	}
	for (int l = 0; l < MCK_LANG_COUNT; l++) {
		if (strcmp(code, codes[l]) == 0) {
			return l;
		}
	}
	return -1;
}

/* For the completeness test: the raw tables, without the English fallback. */
const char *mck__i18n_text_raw(enum mck_lang lang, enum mck_text key);
const char *mck__i18n_reason_raw(enum mck_lang lang, enum mck_reason reason);

const char *mck__i18n_text_raw(enum mck_lang lang, enum mck_text key)
{
	return lang == MCK_LANG_EN ? english[key] : texts[lang][key];
}

const char *mck__i18n_reason_raw(enum mck_lang lang, enum mck_reason reason)
{
	return lang == MCK_LANG_EN ? mck_reason_text(reason) : reasons[lang][reason];
}
