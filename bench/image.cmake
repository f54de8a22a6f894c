# Decode and QR-scan time per frame size (prints figures, asserts nothing).
add_executable(bench_image ${CMAKE_CURRENT_LIST_DIR}/bench_image.c)
target_link_libraries(bench_image PRIVATE mck_benchutil mck_test_support mck_imagefile mck_qrscan
                      PkgConfig::QRENCODE)
mck_warnings(bench_image)
