# Moving codes (issue 16 item 2): short camera clips of a code held up to the
# kiosk, made at test time (clipgen.c, fixed seeds, never committed as video),
# played through the kiosk's gst: source in its live loop (play.sh). The full
# set and its figures: bench/clips.
add_executable(mck_clipgen ${CMAKE_CURRENT_LIST_DIR}/clipgen.c)
target_link_libraries(mck_clipgen PRIVATE mck_imagefile m)
target_include_directories(mck_clipgen PRIVATE ${PROJECT_SOURCE_DIR}/tests) # support/rng.h
# made at test time, the sanitizer build's (Debug) too: optimised there as well,
# or its frames cost five times as much (still checked by the sanitizers)
target_compile_options(mck_clipgen PRIVATE -O2)
mck_warnings(mck_clipgen)
add_executable(mck_clipread ${CMAKE_CURRENT_LIST_DIR}/firstread.c)
target_link_libraries(mck_clipread PRIVATE mck_qrscan mck_test_support)
mck_warnings(mck_clipread)

# Natively only: under a cross build's emulator GStreamer's plugins would be
# the arm64 ones, which cannot be installed beside the amd64 ones.
find_program(MCK_GST_LAUNCH gst-launch-1.0)
if(NOT CMAKE_CROSSCOMPILING AND MCK_GST_LAUNCH)
        # both sizes, both verdicts, six ways of holding a code: 2.5 s each (the
        # first 75 frames of bench/clips' clips of the same names), in real time
        set(mck_clips enter-hd-valid shake-vga-invalid tilt-vga-valid focus-vga-invalid
            glare-hd-valid moire-vga-invalid)
        set(mck_clips_dir ${CMAKE_CURRENT_BINARY_DIR}/clips-subset)
        add_test(NAME e2e_clips_make
                 COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/make-clips.sh $<TARGET_FILE:mck_clipgen>
                         $<TARGET_FILE:mck_clipread> ${MCK_FIXTURES} ${mck_clips_dir} --first
                         --seconds 2.5 ${mck_clips})
        set_tests_properties(e2e_clips_make PROPERTIES FIXTURES_SETUP clips_subset LABELS e2e
                             TIMEOUT 300)
        foreach(clip IN LISTS mck_clips)
                # the expected verdict, once: one scan handled, one result screen
                add_test(NAME e2e_clip_${clip}
                         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/play.sh $<TARGET_FILE:mckiosk>
                                 ${MCK_FIXTURES} ${mck_clips_dir} ${clip})
                # (mck_gst_lsan: tests/source.cmake, GStreamer's own memory under ASan)
                set_tests_properties(e2e_clip_${clip} PROPERTIES FIXTURES_REQUIRED clips_subset
                                     LABELS e2e TIMEOUT 120 ENVIRONMENT "${mck_gst_lsan}")
        endforeach()
endif()
