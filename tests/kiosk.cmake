# The kiosk's screens, rendered headless by mckiosk and read back: ~340 mckiosk runs in
# three CTest tests of about a third each, run side by side (test_screens [--sample] TEST...;
# --sample in sanitizer builds, MCK_TEST_SAMPLE).
if(TARGET mcissue)
        set(mck_screens_args)
        if(MCK_TEST_SAMPLE)
                set(mck_screens_args --sample)
        endif()
        mck_add_test(test_screens LABEL e2e SOURCES test_screens.c
                     LIBS mck_test_support PkgConfig::PNG
                     ARGS ${mck_screens_args} test_idle_has_no_band test_spoofing_credential
                          test_claimed_awarding_body test_fault_screens test_operator_screen
                          test_language_picker test_rotation test_progress_screen)
        add_dependencies(test_screens mckiosk mcissue)
        add_test(NAME test_screens_verdicts
                 COMMAND test_screens ${mck_screens_args} test_verdict_bands)
        add_test(NAME test_screens_checks
                 COMMAND test_screens ${mck_screens_args} test_check_screens)
        foreach(t test_screens test_screens_verdicts test_screens_checks)
                set_tests_properties(${t} PROPERTIES LABELS e2e)
                set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT "SDL_VIDEODRIVER=dummy")
        endforeach()
        mck_test_emulator(test_screens_verdicts)
        mck_test_emulator(test_screens_checks)
endif()

# The kiosk running: capture thread, UI thread, SIGHUP, refusals.
add_test(NAME e2e_kiosk_live
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kiosk_live.sh $<TARGET_FILE:mckiosk>
                 ${MCK_FIXTURES})
set_tests_properties(e2e_kiosk_live PROPERTIES LABELS e2e TIMEOUT 120)
mck_test_emulator(e2e_kiosk_live)

# The kiosk without touch: keypad commands, the focus over every screen, Enter as a touch,
# keys held down, time extended by a touch or key and doubled by speech.
mck_add_test(test_keypad LABEL unit SOURCES test_keypad.c LIBS mck_kiosk)
set_property(TEST test_keypad APPEND PROPERTY ENVIRONMENT "SDL_VIDEODRIVER=dummy")

# Settings files and the committed board profiles.
mck_add_test(test_settings LABEL unit SOURCES test_settings.c LIBS mck_kiosk_settings)
target_compile_definitions(test_settings PRIVATE MCK_BOARD_DIR="${PROJECT_SOURCE_DIR}/board")

# systemd notifications: READY, watchdog pacing, STOPPING, malformed settings.
mck_add_test(test_notify LABEL unit SOURCES test_notify.c LIBS mck_kiosk_notify)

# The kiosk's entry-requirements check: the view, the list, the decision, the wipe.
mck_add_test(test_check LABEL unit SOURCES test_check.c LIBS mck_kiosk_check)

# How fresh the trust data is: the update records read as hostile files, the facts at a fixed clock.
mck_add_test(test_freshness LABEL unit SOURCES test_freshness.c LIBS mck_kiosk mck_test_support)

# The status bar's facts (clock set, list out of date) follow the verifier's rule for time.
mck_add_test(test_present LABEL unit SOURCES test_present.c ../app/kiosk/present.c
             LIBS mck_ui mck_test_support)
target_include_directories(test_present PRIVATE ${PROJECT_SOURCE_DIR}/app/kiosk)

# A stranger's journey through the running kiosk under a real X server (Xvfb,
# keys from xdotool): back-to-back codes, Done, a web link, an expired list.
if(NOT CMAKE_CROSSCOMPILING)
        add_test(NAME e2e_kiosk_journey
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kiosk_journey.sh $<TARGET_FILE:mckiosk>
                         ${MCK_FIXTURES})
        set_tests_properties(e2e_kiosk_journey PROPERTIES LABELS e2e TIMEOUT 120)
endif()

# Nothing of a learner's code stays in the kiosk's memory after its result
# clears: the kiosk, its capture thread, the replay source and the scanner in
# one process, its memory searched for the code's text.
# (/proc/self/mem under an emulator is the emulator's: not in the cross build.)
if(NOT CMAKE_CROSSCOMPILING)
        mck_add_test(test_kiosk_memory LABEL unit SOURCES test_kiosk_memory.c support/qrdraw.c
                     LIBS mck_kiosk mck_test_support PkgConfig::QRENCODE)
        target_compile_definitions(test_kiosk_memory PRIVATE
                                   MCK_FONT_DIR="/usr/share/fonts/truetype/noto")
endif()

# A check's screens: the decision's record as a QR code a PC reads (ZBar), another
# person's credential flagged in the list, "still there?" before a check is wiped.
if(TARGET mcissue)
        mck_add_test(test_check_screens LABEL e2e SOURCES test_check_screens.c
                     LIBS mck_ui mck_test_support PkgConfig::PNG PkgConfig::QRENCODE)
        add_dependencies(test_check_screens mckiosk mcverify)
        set_property(TEST test_check_screens APPEND PROPERTY ENVIRONMENT "SDL_VIDEODRIVER=dummy")
endif()
