# The kiosk's screens, rendered headless by mckiosk and read back.
if(TARGET mcissue)
        mck_add_test(test_screens LABEL e2e SOURCES test_screens.c
                     LIBS mck_test_support PkgConfig::PNG)
        add_dependencies(test_screens mckiosk mcissue)
        set_property(TEST test_screens APPEND PROPERTY ENVIRONMENT "SDL_VIDEODRIVER=dummy")
endif()

# The kiosk running: capture thread, UI thread, SIGHUP, refusals.
add_test(NAME e2e_kiosk_live
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kiosk_live.sh $<TARGET_FILE:mckiosk>
                 ${MCK_FIXTURES})
set_tests_properties(e2e_kiosk_live PROPERTIES LABELS e2e TIMEOUT 120)
mck_test_emulator(e2e_kiosk_live)

# Settings files and the committed board profiles.
mck_add_test(test_settings LABEL unit SOURCES test_settings.c LIBS mck_kiosk_settings)
target_compile_definitions(test_settings PRIVATE MCK_BOARD_DIR="${PROJECT_SOURCE_DIR}/board")

# systemd notifications: READY, watchdog pacing, STOPPING, malformed settings.
mck_add_test(test_notify LABEL unit SOURCES test_notify.c LIBS mck_kiosk_notify)

# The kiosk's entry-requirements check: the view, the list, the decision, the wipe.
mck_add_test(test_check LABEL unit SOURCES test_check.c LIBS mck_kiosk_check)

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
