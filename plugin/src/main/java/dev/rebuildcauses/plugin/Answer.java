package dev.rebuildcauses.plugin;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the plugin answers a request with; the server's side only writes it out. */
public sealed interface Answer {
    int status();

    /**
     * A dashboard page, to be placed inside the server's layout.
     *
     * @param html the page's content, rendered and escaped by the dashboard's templates
     * @param serverChangeSets whether ranges come from the server's change sets (the page says what that hides)
     * @param pending finished builds not recorded yet
     * @param exportFiles the latest exported files, as paths under {@code exports/}
     */
    record Page(int status, String html, boolean serverChangeSets, int pending, List<String> exportFiles)
            implements Answer {
        public Page {
            exportFiles = List.copyOf(exportFiles);
        }
    }

    /**
     * Anything else: a chart, a stylesheet, JSON, a CSV download.
     *
     * @param attachment the file name to download as, or {@code null} to show it
     */
    record Body(int status, String contentType, byte[] body, String attachment) implements Answer {
        static Body text(int status, String contentType, String text) {
            return new Body(status, contentType, text.getBytes(StandardCharsets.UTF_8), null);
        }

        static Body notFound(String why) {
            return text(404, "text/plain; charset=utf-8", why);
        }
    }
}
