package io.gptload.api;

/** Fixed English texts of the API (spec §3.3 reference wording). */
final class Messages {

    static final String SUCCESS = "Success";

    private Messages() {
    }
}
