# Image decoding and QR scanning (drivers/imagefile, app/scan).
mck_add_test(test_imagefile LABEL unit
             SOURCES test_imagefile.c
             LIBS mck_imagefile mck_test_support)
mck_add_test(test_qrscan LABEL unit
             SOURCES test_qrscan.c
             LIBS mck_qrscan mck_imagefile mck_test_support PkgConfig::QRENCODE)
