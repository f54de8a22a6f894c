# Image decoding and QR scanning (drivers/imagefile, app/scan).
mck_add_test(test_imagefile LABEL unit
             SOURCES test_imagefile.c
             LIBS mck_imagefile mck_test_support)
mck_add_test(test_qrscan LABEL unit
             SOURCES test_qrscan.c support/qrdraw.c
             LIBS mck_qrscan mck_imagefile mck_test_support PkgConfig::QRENCODE)
mck_add_test(test_grid LABEL unit
             SOURCES test_grid.c support/qrdraw.c
             LIBS mck_qrscan PkgConfig::QRENCODE m)
# grid.c is private to the scanner: its header is not installed
target_include_directories(test_grid PRIVATE ${PROJECT_SOURCE_DIR}/app/scan/src)
# The decode steps' worker pool, private to the scanner too; whole frames on its threads.
mck_add_test(test_scanpool LABEL unit
             SOURCES test_scanpool.c
             LIBS mck_qrscan mck_imagefile Threads::Threads)
target_include_directories(test_scanpool PRIVATE ${PROJECT_SOURCE_DIR}/app/scan/src)

# The scanning pipeline on the degraded-image subset, made at test time.
if(TARGET mcissue)
        add_test(NAME degraded_subset_make
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/degrade/make-set.sh
                         $<TARGET_FILE:mcissue> $<TARGET_FILE:mck_degrade>
                         ${CMAKE_CURRENT_BINARY_DIR}/degraded-subset --subset)
        set_tests_properties(degraded_subset_make PROPERTIES FIXTURES_SETUP degraded_subset
                             LABELS e2e)
        mck_add_test(test_scan_set LABEL e2e SOURCES test_scan_set.c
                     LIBS mck_qrscan mck_imagefile mck_test_support
                     ARGS ${CMAKE_CURRENT_BINARY_DIR}/degraded-subset)
        target_compile_definitions(test_scan_set PRIVATE MCK_SUBSET_FLOOR=18)
        set_tests_properties(test_scan_set PROPERTIES FIXTURES_REQUIRED degraded_subset)
        # the subset's frames scanned on the worker pool's threads, as on the caller's
        add_test(NAME test_scanpool_set COMMAND test_scanpool ${CMAKE_CURRENT_BINARY_DIR}/degraded-subset)
        set_tests_properties(test_scanpool_set PROPERTIES FIXTURES_REQUIRED degraded_subset
                             LABELS e2e)
endif()
# A photo to a verdict: codes drawn into one PNG, decoded, scanned, collected, verified.
mck_add_test(test_photo LABEL unit
             SOURCES test_photo.c support/qrdraw.c
             LIBS mck_core mck_qrscan mck_imagefile mck_test_support PkgConfig::QRENCODE)
