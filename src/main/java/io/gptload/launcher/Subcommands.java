package io.gptload.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Commands of {@code java -jar gpt-load.jar <command>} other than starting the server. */
final class Subcommands {

    static final String MIGRATE_KEYS = "io.gptload.tools.MigrateKeys";

    private Subcommands() {
    }

    static int run(String[] args) throws IOException {
        switch (args[0]) {
            case "help", "--help" -> {
                System.out.println("""
                        GPT-Load/J: transparent gateway for OpenAI, Gemini and Anthropic APIs

                        Usage:
                          java -jar gpt-load.jar [payara-micro options]   start the gateway
                          java -jar gpt-load.jar migrate-keys [--from OLD] [--to NEW]
                                                                          enable, disable or change the
                                                                          encryption of stored keys
                                                                          (stop the gateway first; see
                                                                          migrate-keys --help)
                          java -jar gpt-load.jar help                     show this help

                        Configuration comes from environment variables and ./.env (see README.md).
                        AUTH_KEY is required to start the gateway.""");
                return 0;
            }
            case "migrate-keys" -> {
                return WarCommand.run(MIGRATE_KEYS, Arrays.copyOfRange(args, 1, args.length),
                        environment(System.getenv(), DotEnv.read(Path.of(".env"))));
            }
            default -> {
                System.err.println("gpt-load: unknown command '" + args[0] + "' (try: help)");
                return 2;
            }
        }
    }

    /** The configuration a command sees: {@code .env} with the real environment laid over it. */
    static Map<String, String> environment(Map<String, String> env, Map<String, String> dotEnv) {
        Map<String, String> merged = new HashMap<>(dotEnv);
        merged.putAll(env);
        return merged;
    }
}
