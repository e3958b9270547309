/**
 * API keys: KeyPool (lock-free hot-path rotation), KeyHealth (the one set of state rules: failures,
 * blacklist, restore), KeyValidator (the validation probe), manual validation and key tests,
 * re-validation of invalid keys, bulk import and delete. May use: shared, settings (a group's
 * effective validation settings), group, channel, upstream, cluster.
 */
package io.gptload.keypool;
