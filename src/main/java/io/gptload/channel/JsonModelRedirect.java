package io.gptload.channel;

import io.gptload.shared.json.JsonFields;
import java.util.Optional;

/**
 * Model redirect for formats that name the model in the JSON body: an exact rule on the top-level
 * {@code "model"} string replaces just that value (every other byte kept, DECISIONS 6). Bodies that
 * are not a JSON object or have no string {@code model} pass unchanged, even in strict mode.
 */
final class JsonModelRedirect {

    private JsonModelRedirect() {
    }

    /** The body to send upstream; the same instance when nothing changes. */
    static byte[] apply(byte[] body, ModelRedirect redirect) {
        if (!redirect.active() || body.length == 0) {
            return body;
        }
        Optional<String> model = JsonFields.topLevelString(body, "model");
        if (model.isEmpty()) {
            return body;
        }
        return redirect.targetOf(model.get())
                .map(target -> JsonFields.replaceString(body, "model", target))
                .orElse(body);
    }
}
