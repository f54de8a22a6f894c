# The kiosk's screens, rendered headless by mckiosk and read back.
if(TARGET mcissue)
        mck_add_test(test_screens LABEL e2e SOURCES test_screens.c
                     LIBS mck_test_support PkgConfig::PNG)
        add_dependencies(test_screens mckiosk mcissue)
        set_tests_properties(test_screens PROPERTIES ENVIRONMENT "SDL_VIDEODRIVER=dummy")
endif()
