package dev.rebuildcauses.harvest.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rebuildcauses.harvest.bitbucket.BitbucketCloudChangeSource;
import dev.rebuildcauses.harvest.store.JdbcUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code rebuild-causes.yml} strictly: unknown keys, wrong types and tokens written in the
 * file fail with the key's path and what was expected.
 */
public final class ConfigLoader {
    private static final Set<String> ROOT_KEYS =
            Set.of("jenkins", "changes", "store", "rules", "harvest", "server", "exports");
    private static final Set<String> JENKINS_KEYS =
            Set.of("url", "user", "tokenEnv", "tokenFile", "include", "exclude");
    private static final Set<String> CHANGES_KEYS =
            Set.of("source", "url", "user", "tokenEnv", "tokenFile", "repositories", "concurrency", "mirror");
    private static final Set<String> SECRET_KEYS =
            Set.of("token", "password", "apitoken", "secret", "accesstoken", "apppassword", "passwd");

    private final ObjectMapper yaml =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads and checks a config file. */
    /**
     * The config of a harvest: {@link #load} and what only a harvest needs, a local clone per job
     * glob for the git source ({@code report} reads the store and does without).
     */
    public HarvestConfig loadForHarvest(Path file) throws ConfigException {
        HarvestConfig config = load(file);
        ChangesConfig changes = config.changes();
        if (changes.source() == ChangeSourceKind.GIT && changes.repositories().isEmpty()) {
            throw new ConfigException(
                    nameOf(file) + ": changes.repositories: missing; the git source needs a local clone per job glob");
        }
        return config;
    }

    private static String nameOf(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    public HarvestConfig load(Path file) throws ConfigException {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ConfigException(
                    name + (line > 0 ? ":" + line : "") + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            return read(file, folder, root);
        } catch (ConfigException e) {
            throw new ConfigException(name + ": " + e.getMessage(), e.getCause());
        }
    }

    private HarvestConfig read(Path file, Path folder, JsonNode root) throws ConfigException {
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw new ConfigException("the file is empty; expected at least jenkins.url");
        }
        checkKeys("", root, ROOT_KEYS);
        JsonNode jenkinsNode = root.get("jenkins");
        if (jenkinsNode == null) {
            throw new ConfigException("jenkins: missing; expected a section with at least url");
        }
        JenkinsConfig jenkins = jenkins(jenkinsNode, folder);
        JsonNode changesNode = root.get("changes");
        if (changesNode == null) {
            throw new ConfigException("changes: missing; expected a section with at least source");
        }
        ChangesConfig changes = changes(changesNode, folder);
        String store = JdbcUrls.resolveAgainst(optionalText(root, "store", "", JdbcUrls.DEFAULT), folder);
        if (store.toLowerCase(java.util.Locale.ROOT).matches(".*[?&;]password=.*")) {
            throw new ConfigException("store: a password is never written in the config file; for PostgreSQL "
                    + "keep it in a ~/.pgpass file (or one named by the PGPASSFILE environment variable)");
        }
        if (!store.startsWith("jdbc:h2:") && !store.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(
                    "store: expected a JDBC URL starting with jdbc:h2: or jdbc:postgresql: but found '"
                            + JdbcUrls.redact(store) + "'");
        }
        String rules = optionalText(root, "rules", "", null);
        ScheduleSections schedules = new ScheduleSections(folder);
        return new HarvestConfig(
                file.toAbsolutePath(),
                jenkins,
                changes,
                store,
                rules == null ? null : folder.resolve(rules).normalize(),
                schedules.harvestSchedule(root.get("harvest")),
                schedules.server(root.get("server")),
                schedules.exports(root.get("exports")));
    }

    private JenkinsConfig jenkins(JsonNode node, Path folder) throws ConfigException {
        String path = "jenkins.";
        checkMapping("jenkins", node);
        checkKeys(path, node, JENKINS_KEYS);
        String url = requiredText(node, "url", path);
        checkHttpUrl(path + "url", url);
        return new JenkinsConfig(
                url,
                optionalText(node, "user", path, ""),
                token(node, path, folder),
                stringList(node, "include", path, List.of("**")),
                stringList(node, "exclude", path, List.of()));
    }

    private ChangesConfig changes(JsonNode node, Path folder) throws ConfigException {
        String path = "changes.";
        checkMapping("changes", node);
        checkKeys(path, node, CHANGES_KEYS);
        String sourceName = requiredText(node, "source", path);
        ChangeSourceKind source = ChangeSourceKind.byConfigName(sourceName)
                .orElseThrow(() -> new ConfigException("changes.source: expected one of git, bitbucket-server, "
                        + "bitbucket-cloud but found '" + sourceName + "'"));
        String url = optionalText(node, "url", path, "");
        if (source == ChangeSourceKind.BITBUCKET_CLOUD && url.isEmpty()) {
            url = BitbucketCloudChangeSource.API_URL;
        }
        if (source != ChangeSourceKind.GIT) {
            if (url.isEmpty()) {
                throw new ConfigException("changes.url: missing; " + source.configName() + " needs the server's URL");
            }
            checkHttpUrl(path + "url", url);
        }
        List<RepositoryMapping> repositories = repositories(node.get("repositories"), folder);
        return new ChangesConfig(
                source,
                url,
                optionalText(node, "user", path, ""),
                token(node, path, folder),
                repositories,
                concurrency(node.get("concurrency"), path + "concurrency"),
                mirror(node.get("mirror"), source));
    }

    /** Mirror mode is the default for the Bitbucket kinds; {@code mirror: false} keeps to the REST API. */
    private static boolean mirror(JsonNode node, ChangeSourceKind source) throws ConfigException {
        if (node == null || node.isNull()) {
            return source != ChangeSourceKind.GIT;
        }
        if (!node.isBoolean()) {
            throw new ConfigException("changes.mirror: expected true or false but found " + describe(node));
        }
        if (node.asBoolean() && source == ChangeSourceKind.GIT) {
            throw new ConfigException("changes.mirror: only for bitbucket-server and bitbucket-cloud; "
                    + "the git source reads the clones it is given");
        }
        return node.asBoolean();
    }

    private static int concurrency(JsonNode node, String path) throws ConfigException {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isInt() || node.asInt() < 1 || node.asInt() > ChangesConfig.MAX_CONCURRENCY) {
            throw new ConfigException(path + ": expected a whole number from 1 to " + ChangesConfig.MAX_CONCURRENCY
                    + " but found '" + node.asText() + "'");
        }
        return node.asInt();
    }

    private List<RepositoryMapping> repositories(JsonNode node, Path folder) throws ConfigException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new ConfigException(
                    "changes.repositories: expected a mapping of job glob to local clone or clone URL " + "but found "
                            + describe(node));
        }
        List<RepositoryMapping> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new ConfigException("changes.repositories." + field.getKey()
                        + ": expected a local clone path or clone URL but found " + describe(value));
            }
            String location = value.asText();
            if (!RepositoryMapping.looksLikeUrl(location)) {
                location = folder.resolve(location).normalize().toString();
            }
            out.add(new RepositoryMapping(field.getKey(), location));
        }
        return out;
    }

    static TokenRef token(JsonNode node, String path, Path folder) throws ConfigException {
        String env = optionalText(node, "tokenEnv", path, null);
        String file = optionalText(node, "tokenFile", path, null);
        if (env != null && file != null) {
            throw new ConfigException(path + "tokenEnv, " + path + "tokenFile: give one of them, not both");
        }
        if (env != null) {
            if (!env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigException(path + "tokenEnv: expected the name of an environment variable (letters, "
                        + "digits, _) but found something else; if that was the token itself, put it in an environment "
                        + "variable and name the variable here");
            }
            return TokenRef.env(env, path + "tokenEnv");
        }
        if (file != null) {
            return TokenRef.file(folder.resolve(file).normalize(), path + "tokenFile");
        }
        return null;
    }

    static void checkMapping(String path, JsonNode node) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException(path + ": expected a mapping but found " + describe(node));
        }
    }

    static void checkKeys(String path, JsonNode node, Set<String> allowed) throws ConfigException {
        if (!node.isObject()) {
            throw new ConfigException(
                    (path.isEmpty() ? "the file" : path) + ": expected a mapping but found " + describe(node));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (allowed.contains(key)) {
                continue;
            }
            if (SECRET_KEYS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                throw new ConfigException(path + key + ": a token or password is never written in the config file; "
                        + "put it in an environment variable named by tokenEnv, or in a file named by tokenFile");
            }
            String hint = closest(key, allowed);
            throw new ConfigException(path + key + ": unknown key ("
                    + (hint == null ? "expected one of " + sorted(allowed) : "did you mean " + hint + "?") + ")");
        }
    }

    static String requiredText(JsonNode node, String key, String path) throws ConfigException {
        String value = optionalText(node, key, path, null);
        if (value == null || value.isBlank()) {
            throw new ConfigException(path + key + ": missing; expected a text value");
        }
        return value;
    }

    static String optionalText(JsonNode node, String key, String path, String fallback) throws ConfigException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new ConfigException(path + key + ": expected a text value but found " + describe(value));
        }
        return value.asText();
    }

    static List<String> stringList(JsonNode node, String key, String path, List<String> fallback)
            throws ConfigException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isArray()) {
            throw new ConfigException(
                    path + key + ": expected a list of job globs, e.g. [\"images/**\"], but found " + describe(value));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw new ConfigException(path + key + "[" + i + "]: expected a job glob but found " + describe(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    private static void checkHttpUrl(String path, String url) throws ConfigException {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigException(path + ": expected an http:// or https:// URL but found '" + url + "'");
        }
        if (url.matches("^https?://[^/@]+@.*")) {
            throw new ConfigException(
                    path + ": credentials are never written in the URL; use user and tokenEnv " + "or tokenFile");
        }
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "a number (" + node.asText() + ")";
        }
        if (node.isBoolean()) {
            return "a boolean (" + node.asText() + ")";
        }
        if (node.isTextual()) {
            return "text '" + node.asText() + "'";
        }
        return "nothing";
    }

    private static String sorted(Set<String> keys) {
        return keys.stream().sorted().collect(Collectors.joining(", "));
    }

    /** The allowed key nearest to a misspelt one, if it is near enough to be a typo. */
    static String closest(String key, Set<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance =
                    distance(key.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
