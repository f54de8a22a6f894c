/* What the kiosk says aloud; see mck/speech_text.h. */
#include "mck/speech_text.h"

#include <stddef.h>

static const char *const english[MCK_SAY_COUNT] = {
#define MCK__SAY_EN(key, en) [MCK_SAY_##key] = en,
	MCK_SAY_MAP(MCK__SAY_EN)
#undef MCK__SAY_EN
};

/* The screen's verdict words, as a sentence. */
static const char *const says[MCK_LANG_COUNT][MCK_SAY_COUNT] = {
	[MCK_LANG_PL] =
		{
			[MCK_SAY_VALID] = "Ważny.",
			[MCK_SAY_WARNING] = "Sprawdź.",
			[MCK_SAY_INVALID] = "Nieważny.",
			[MCK_SAY_UNREADABLE] = "Nieczytelny.",
			[MCK_SAY_UNUSABLE] = "Nie można sprawdzić.",
			[MCK_SAY_CANNOT_CHECK] = "Nie można tu sprawdzić.",
			[MCK_SAY_NOT_CREDENTIAL] = "To nie jest poświadczenie.",
			[MCK_SAY_SPEECH_ON] = "Mowa włączona.",
			[MCK_SAY_SPEECH_OFF] = "Mowa wyłączona.",
			[MCK_SAY_NO_DETAILS] = "Brak szczegółów do odczytania.",
			[MCK_SAY_STILL_THERE] = "Czy nadal tu jesteś? Naciśnij klawisz lub dotknij "
						"ekranu, aby to zachować.",
			[MCK_SAY_DECIMAL_MARK] = ",",
		},
	[MCK_LANG_DE] =
		{
			[MCK_SAY_VALID] = "Gültig.",
			[MCK_SAY_WARNING] = "Prüfen.",
			[MCK_SAY_INVALID] = "Ungültig.",
			[MCK_SAY_UNREADABLE] = "Nicht lesbar.",
			[MCK_SAY_UNUSABLE] = "Prüfung nicht möglich.",
			[MCK_SAY_CANNOT_CHECK] = "Hier nicht prüfbar.",
			[MCK_SAY_NOT_CREDENTIAL] = "Kein Nachweis.",
			[MCK_SAY_SPEECH_ON] = "Sprachausgabe ein.",
			[MCK_SAY_SPEECH_OFF] = "Sprachausgabe aus.",
			[MCK_SAY_NO_DETAILS] = "Es gibt keine Angaben zum Vorlesen.",
			[MCK_SAY_STILL_THERE] = "Noch da? Drücken Sie eine Taste oder tippen Sie "
						"auf den Bildschirm, um dies zu behalten.",
			[MCK_SAY_DECIMAL_MARK] = ",",
		},
	[MCK_LANG_FR] =
		{
			[MCK_SAY_VALID] = "Valide.",
			[MCK_SAY_WARNING] = "À vérifier.",
			[MCK_SAY_INVALID] = "Non valide.",
			[MCK_SAY_UNREADABLE] = "Illisible.",
			[MCK_SAY_UNUSABLE] = "Vérification impossible.",
			[MCK_SAY_CANNOT_CHECK] = "Vérification impossible ici.",
			[MCK_SAY_NOT_CREDENTIAL] = "Ce n'est pas une attestation.",
			[MCK_SAY_SPEECH_ON] = "Parole activée.",
			[MCK_SAY_SPEECH_OFF] = "Parole désactivée.",
			[MCK_SAY_NO_DETAILS] = "Il n'y a pas de détails à lire.",
			[MCK_SAY_STILL_THERE] = "Toujours là ? Appuyez sur une touche ou touchez "
						"l'écran pour garder cet affichage.",
			[MCK_SAY_DECIMAL_MARK] = ",",
		},
	[MCK_LANG_EL] =
		{
			[MCK_SAY_VALID] = "Έγκυρο.",
			[MCK_SAY_WARNING] = "Ελέγξτε.",
			[MCK_SAY_INVALID] = "Μη έγκυρο.",
			[MCK_SAY_UNREADABLE] = "Μη αναγνώσιμο.",
			[MCK_SAY_UNUSABLE] = "Αδύνατος ο έλεγχος.",
			[MCK_SAY_CANNOT_CHECK] = "Αδύνατος ο έλεγχος εδώ.",
			[MCK_SAY_NOT_CREDENTIAL] = "Δεν είναι πιστοποιητικό.",
			[MCK_SAY_SPEECH_ON] = "Ομιλία ενεργή.",
			[MCK_SAY_SPEECH_OFF] = "Ομιλία ανενεργή.",
			[MCK_SAY_NO_DETAILS] = "Δεν υπάρχουν στοιχεία για ανάγνωση.",
			[MCK_SAY_STILL_THERE] = "Είστε ακόμα εδώ; Πατήστε ένα πλήκτρο ή αγγίξτε "
						"την οθόνη για να παραμείνει.",
			[MCK_SAY_DECIMAL_MARK] = ",",
		},
	[MCK_LANG_IT] =
		{
			[MCK_SAY_VALID] = "Valido.",
			[MCK_SAY_WARNING] = "Da verificare.",
			[MCK_SAY_INVALID] = "Non valido.",
			[MCK_SAY_UNREADABLE] = "Illeggibile.",
			[MCK_SAY_UNUSABLE] = "Verifica impossibile.",
			[MCK_SAY_CANNOT_CHECK] = "Verifica non possibile qui.",
			[MCK_SAY_NOT_CREDENTIAL] = "Non è una credenziale.",
			[MCK_SAY_SPEECH_ON] = "Voce attivata.",
			[MCK_SAY_SPEECH_OFF] = "Voce disattivata.",
			[MCK_SAY_NO_DETAILS] = "Non ci sono dettagli da leggere.",
			[MCK_SAY_STILL_THERE] =
				"Ancora lì? Premi un tasto o tocca lo schermo per mantenerlo.",
			[MCK_SAY_DECIMAL_MARK] = ",",
		},
	[MCK_LANG_ES] =
		{
			[MCK_SAY_VALID] = "Válido.",
			[MCK_SAY_WARNING] = "Revisar.",
			[MCK_SAY_INVALID] = "No válido.",
			[MCK_SAY_UNREADABLE] = "Ilegible.",
			[MCK_SAY_UNUSABLE] = "No se puede verificar.",
			[MCK_SAY_CANNOT_CHECK] = "No se puede verificar aquí.",
			[MCK_SAY_NOT_CREDENTIAL] = "No es una credencial.",
			[MCK_SAY_SPEECH_ON] = "Voz activada.",
			[MCK_SAY_SPEECH_OFF] = "Voz desactivada.",
			[MCK_SAY_NO_DETAILS] = "No hay detalles que leer.",
			[MCK_SAY_STILL_THERE] =
				"¿Sigue ahí? Pulse una tecla o toque la pantalla para mantenerlo.",
			[MCK_SAY_DECIMAL_MARK] = ",",
		},
};

static const char *const voices[MCK_LANG_COUNT] = {
	[MCK_LANG_EN] = "en", [MCK_LANG_PL] = "pl", [MCK_LANG_DE] = "de", [MCK_LANG_FR] = "fr",
	[MCK_LANG_EL] = "el", [MCK_LANG_IT] = "it", [MCK_LANG_ES] = "es",
};

int mck_i18n_say_has(enum mck_lang lang, enum mck_say key)
{
	if ((unsigned)key >= MCK_SAY_COUNT || (unsigned)lang >= MCK_LANG_COUNT) {
		return 0;
	}
	return lang == MCK_LANG_EN ? english[key] != NULL : says[lang][key] != NULL;
}

const char *mck_i18n_say(enum mck_lang lang, enum mck_say key)
{
	if ((unsigned)key >= MCK_SAY_COUNT) {
		return "";
	}
	if ((unsigned)lang < MCK_LANG_COUNT && says[lang][key] != NULL) {
		return says[lang][key];
	}
	return english[key];
}

const char *mck_i18n_voice(enum mck_lang lang)
{
	return (unsigned)lang < MCK_LANG_COUNT ? voices[lang] : voices[MCK_LANG_EN];
}
