# The UI: touch targets and faults, drawn with the software renderer (no display).
mck_add_test(test_ui LABEL unit SOURCES test_ui.c LIBS mck_ui)
# Legible from a metre and laid out without collisions: every screen on the shipped panels,
# in every language, read back from the UI's record of what it drew (mck_ui_text_boxes).
# Layout is the same on every architecture (the same fonts, the same FreeType); under
# qemu the ~4,000 layouts take 7 minutes, so the cross build leaves it to the native run.
# MCK_TEST_SAMPLE (sanitizer builds): each screen in one language (--sample).
set(mck_sample_args)
if(MCK_TEST_SAMPLE)
        set(mck_sample_args ARGS --sample)
endif()
if(NOT CMAKE_CROSSCOMPILING)
        mck_add_test(test_legible LABEL unit SOURCES test_legible.c ui_views.c LIBS mck_ui
                     ${mck_sample_args})
        # Translated formats ("Trust list #%lld") are data here too.
        target_compile_options(test_legible PRIVATE -Wno-format-nonliteral)
endif()
# Drawing only what changed: every screen through a run of view changes has the pixels of a
# fresh full draw; an unchanged view draws nothing; the display turns it for the panel.
# (--sample: each panel in one language, every language drawn; MCK_TEST_SAMPLE:
# sanitizer and cross builds)
if(MCK_TEST_SAMPLE)
        mck_add_test(test_redraw LABEL unit SOURCES test_redraw.c ui_views.c LIBS mck_kiosk
                     ARGS --sample)
else()
        mck_add_test(test_redraw LABEL unit SOURCES test_redraw.c ui_views.c LIBS mck_kiosk)
endif()
# The screens on OpenGL ES 2 (the Pi's renderer): Mesa's software GL in an Xvfb window,
# compared with the software renderer within a stated tolerance (test_gles2.c).
if(NOT CMAKE_CROSSCOMPILING)
        add_executable(test_gles2 test_gles2.c ui_views.c)
        target_link_libraries(test_gles2 PRIVATE mck_kiosk PkgConfig::CMOCKA)
        mck_warnings(test_gles2)
        add_test(NAME test_gles2 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/gles2.sh
                                         $<TARGET_FILE:test_gles2>)
        set_tests_properties(test_gles2 PROPERTIES LABELS unit TIMEOUT 300)
endif()
# Contrast (#18): every text's ink against the ground under it, 4.5:1 at least, on every
# screen in every language, normal and large text, scrolled through; verdicts not by colour alone.
if(NOT CMAKE_CROSSCOMPILING)
        mck_add_test(test_contrast LABEL unit SOURCES test_contrast.c ui_views.c LIBS mck_ui
                     ${mck_sample_args})
        target_link_libraries(test_contrast PRIVATE m)
        add_test(NAME test_contrast_large COMMAND test_contrast --large
                                          $<$<BOOL:${MCK_TEST_SAMPLE}>:--sample>)
        set_tests_properties(test_contrast_large PROPERTIES LABELS unit)
endif()
