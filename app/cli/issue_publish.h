/* mcissue publish: an update bundle as a static mirror tree (trust-list.md §6). */
#ifndef MCK_CLI_ISSUE_PUBLISH_H
#define MCK_CLI_ISSUE_PUBLISH_H

/** `mcissue publish [--anchors DIR] BUNDLE_DIR OUT_DIR`; returns an MCK_ISSUE_* exit code. */
int mck_issue_publish_main(int argc, char **argv);

#endif
