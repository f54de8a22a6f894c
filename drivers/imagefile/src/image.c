typedef int mck__placeholder_image;
