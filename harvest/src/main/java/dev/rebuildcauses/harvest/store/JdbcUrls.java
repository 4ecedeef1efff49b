package dev.rebuildcauses.harvest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JDBC URL helpers: redaction for messages, and the data folder of an embedded H2 file store. */
public final class JdbcUrls {
    /** The default store: an embedded H2 database in a data folder beside the config file. */
    public static final String DEFAULT = "jdbc:h2:file:./rebuild-causes-data/store";

    private static final String H2_FILE = "jdbc:h2:file:";

    private JdbcUrls() {}

    /** The URL without its parameters, which may hold a user or password. */
    public static String redact(String jdbcUrl) {
        String out = jdbcUrl;
        int query = out.indexOf('?');
        if (query >= 0) {
            out = out.substring(0, query) + "?…";
        }
        int semicolon = out.indexOf(';');
        if (semicolon >= 0) {
            out = out.substring(0, semicolon) + ";…";
        }
        int at = out.indexOf('@');
        int scheme = out.indexOf("://");
        if (at >= 0 && scheme >= 0 && at > scheme) {
            out = out.substring(0, scheme + 3) + "…@" + out.substring(at + 1);
        }
        return out;
    }

    /**
     * Makes the path of an H2 file URL absolute, resolving a relative one against {@code base};
     * other URLs are returned unchanged.
     */
    public static String resolveAgainst(String jdbcUrl, Path base) {
        if (!jdbcUrl.startsWith(H2_FILE)) {
            return jdbcUrl;
        }
        String rest = jdbcUrl.substring(H2_FILE.length());
        int semicolon = rest.indexOf(';');
        String path = semicolon >= 0 ? rest.substring(0, semicolon) : rest;
        String options = semicolon >= 0 ? rest.substring(semicolon) : "";
        if (path.startsWith("~")) {
            return jdbcUrl;
        }
        Path absolute = base.resolve(path).toAbsolutePath().normalize();
        return H2_FILE + absolute + options;
    }

    /**
     * An H2 URL with the settings that keep its file sound and its commits durable when the process
     * is killed: every commit written at once ({@code WRITE_DELAY=0}; by default H2 writes up to a
     * second later, so a killed harvest lost its last batches), and no compaction when the database
     * closes ({@code MAX_COMPACT_TIME=0}: a close after a crash's recovery left a file that no longer
     * opened). Settings the URL names itself are kept; other URLs are returned unchanged.
     */
    public static String withSafeH2Settings(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return jdbcUrl;
        }
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        String out = jdbcUrl;
        if (!upper.contains("WRITE_DELAY")) {
            out += ";WRITE_DELAY=0";
        }
        if (!upper.contains("MAX_COMPACT_TIME")) {
            out += ";MAX_COMPACT_TIME=0";
        }
        return out;
    }

    /**
     * The data file of an H2 file store ({@code <path>.mv.db}, {@code ~} read as the home folder),
     * or {@code null} for any other URL.
     */
    static Path h2DataFile(String jdbcUrl) {
        return h2Path(jdbcUrl)
                .map(path -> Path.of(path + ".mv.db").toAbsolutePath())
                .orElse(null);
    }

    /** The database file of an H2 file store ({@code <path>.mv.db}), or empty for other URLs. */
    static java.util.Optional<Path> h2File(String jdbcUrl) {
        return h2Path(jdbcUrl).map(path -> Path.of(path + ".mv.db"));
    }

    /** The same H2 file URL for the store at {@code <path><suffix>}, with the same settings. */
    static String h2Sibling(String jdbcUrl, String suffix) {
        String rest = jdbcUrl.substring(H2_FILE.length());
        int semicolon = rest.indexOf(';');
        String path = semicolon >= 0 ? rest.substring(0, semicolon) : rest;
        return H2_FILE + path + suffix + (semicolon >= 0 ? rest.substring(semicolon) : "");
    }

    private static java.util.Optional<String> h2Path(String jdbcUrl) {
        if (!jdbcUrl.startsWith(H2_FILE)) {
            return java.util.Optional.empty();
        }
        String rest = jdbcUrl.substring(H2_FILE.length());
        int semicolon = rest.indexOf(';');
        String path = semicolon >= 0 ? rest.substring(0, semicolon) : rest;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return java.util.Optional.of(path);
    }

    /** Creates the folder of an H2 file store so a first run needs no preparation. */
    static void createH2Folder(String jdbcUrl) throws IOException {
        if (!jdbcUrl.startsWith(H2_FILE)) {
            return;
        }
        String rest = jdbcUrl.substring(H2_FILE.length());
        int semicolon = rest.indexOf(';');
        String path = semicolon >= 0 ? rest.substring(0, semicolon) : rest;
        if (path.startsWith("~")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
