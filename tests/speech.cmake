# Sound (issue #18): the earcons, heard and told apart, played through SDL's disk
# audio driver; speech composed and rendered by eSpeak NG for every verdict in
# every language, and nothing said while speech is off.
mck_add_test(test_earcons LABEL unit SOURCES test_earcons.c LIBS mck_audio m)
mck_add_test(test_speech LABEL unit SOURCES test_speech.c LIBS mck_speech mck_kiosk_settings mck_test_support m)
if(MCK_HAVE_ESPEAK)
        target_compile_definitions(test_speech PRIVATE MCK_HAVE_ESPEAK=1)
endif()
add_dependencies(test_speech mckiosk)
set_property(TEST test_speech APPEND PROPERTY ENVIRONMENT "SDL_AUDIODRIVER=dummy")
