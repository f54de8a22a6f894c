typedef int mck__placeholder_qrscan;
