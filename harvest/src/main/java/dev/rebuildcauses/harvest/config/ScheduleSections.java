package dev.rebuildcauses.harvest.config;

import static dev.rebuildcauses.harvest.config.ConfigLoader.checkKeys;
import static dev.rebuildcauses.harvest.config.ConfigLoader.closest;
import static dev.rebuildcauses.harvest.config.ConfigLoader.describe;
import static dev.rebuildcauses.harvest.config.ConfigLoader.optionalText;
import static dev.rebuildcauses.harvest.config.ConfigLoader.requiredText;
import static dev.rebuildcauses.harvest.config.ConfigLoader.stringList;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what the server runs on its own: {@code harvest.schedule}, {@code server:} and {@code exports:},
 * with the same strictness as the rest of the config.
 */
final class ScheduleSections {
    private static final Set<String> HARVEST_KEYS = Set.of("schedule");
    private static final Set<String> SERVER_KEYS = Set.of("bind", "port", "tokenEnv", "tokenFile");
    private static final Set<String> EXPORT_KEYS = Set.of("name", "schedule", "files", "filter", "target", "keep");
    private static final Set<String> FILTER_KEYS = Set.of("jobs", "window");
    private static final Set<String> FILE_NAMES =
            Arrays.stream(ExportFile.values()).map(ExportFile::configName).collect(Collectors.toUnmodifiableSet());
    /** Letters, digits, {@code .}, {@code _} and {@code -}, not starting with a dot: safe on every file system. */
    private static final String SAFE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final Path folder;

    ScheduleSections(Path folder) {
        this.folder = folder;
    }

    CronSchedule harvestSchedule(JsonNode node) throws ConfigException {
        if (node == null || node.isNull()) {
            return null;
        }
        checkKeys("harvest.", node, HARVEST_KEYS);
        String text = optionalText(node, "schedule", "harvest.", null);
        return text == null ? null : cron(text, "harvest.schedule");
    }

    ServerConfig server(JsonNode node) throws ConfigException {
        if (node == null || node.isNull()) {
            return ServerConfig.defaults();
        }
        String path = "server.";
        checkKeys(path, node, SERVER_KEYS);
        String bind =
                optionalText(node, "bind", path, ServerConfig.DEFAULT_BIND).trim();
        if (bind.isEmpty()) {
            throw new ConfigException("server.bind: expected an address to listen on, e.g. 127.0.0.1, but found ''");
        }
        int port = wholeNumber(node.get("port"), "server.port", 1, 65535, ServerConfig.DEFAULT_PORT);
        ServerConfig server = new ServerConfig(bind, port, ConfigLoader.token(node, path, folder));
        if (!server.isLoopback() && server.token() == null) {
            throw new ConfigException("server.bind: " + bind + " opens the dashboard beyond this machine, which "
                    + "needs an access token: name it with server.tokenEnv or server.tokenFile, or bind 127.0.0.1");
        }
        return server;
    }

    List<ExportConfig> exports(JsonNode node) throws ConfigException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ConfigException("exports: expected a list of exports (each with name, schedule and target) "
                    + "but found " + describe(node));
        }
        List<ExportConfig> exports = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<Path, String> targets = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "exports[" + i + "].";
            ExportConfig export = export(node.get(i), path);
            String item = "exports[" + i + "]";
            String sameName = names.putIfAbsent(export.name(), item);
            if (sameName != null) {
                throw new ConfigException(path + "name: '" + export.name() + "' is already the name of " + sameName
                        + " (names must be unique)");
            }
            String sameTarget = targets.putIfAbsent(export.target(), item);
            if (sameTarget != null) {
                // two exports in one folder would overwrite each other's files and delete each other's copies
                throw new ConfigException(path + "target: " + export.target() + " is already the target of "
                        + sameTarget + "; give each export its own folder");
            }
            exports.add(export);
        }
        return exports;
    }

    private ExportConfig export(JsonNode node, String path) throws ConfigException {
        String item = path.substring(0, path.length() - 1);
        if (!node.isObject()) {
            throw new ConfigException(
                    item + ": expected a mapping with name, schedule and target but found " + describe(node));
        }
        checkKeys(path, node, EXPORT_KEYS);
        String name = requiredText(node, "name", path);
        if (!name.matches(SAFE_NAME)) {
            throw new ConfigException(path + "name: expected letters, digits, '.', '_' or '-' (up to 64, not starting "
                    + "with '.' or '-'), as it names files, but found '" + name + "'");
        }
        CronSchedule schedule = cron(requiredText(node, "schedule", path), path + "schedule");
        List<ExportFile> files = files(node, path);
        ExportFilter filter = filter(node.get("filter"), path + "filter");
        Path target = folder.resolve(requiredText(node, "target", path)).normalize();
        int keep = wholeNumber(node.get("keep"), path + "keep", 1, 10_000, ExportConfig.DEFAULT_KEEP);
        return new ExportConfig(name, schedule, files, filter, target, keep);
    }

    private static List<ExportFile> files(JsonNode node, String path) throws ConfigException {
        JsonNode list = node.get("files");
        if (list == null || list.isNull()) {
            return List.of(ExportFile.values());
        }
        if (!list.isArray()) {
            throw new ConfigException(
                    path + "files: expected a list of file names, e.g. [causes, jobs], but found " + describe(list));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : list) {
            names.add(name.isTextual() ? name.asText() : describe(name));
        }
        if (names.isEmpty()) {
            throw new ConfigException(path + "files: expected at least one of " + sortedFileNames()
                    + " (leave the key out for all of them)");
        }
        Set<ExportFile> chosen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ExportFile file = ExportFile.byConfigName(name).orElse(null);
            if (file == null) {
                String hint = closest(name, FILE_NAMES);
                throw new ConfigException(path + "files[" + i + "]: unknown file '" + name + "' ("
                        + (hint == null ? "expected one of " + sortedFileNames() : "did you mean " + hint + "?")
                        + ")");
            }
            chosen.add(file);
        }
        return Arrays.stream(ExportFile.values()).filter(chosen::contains).toList();
    }

    private static ExportFilter filter(JsonNode node, String path) throws ConfigException {
        if (node == null || node.isNull()) {
            return ExportFilter.ALL;
        }
        checkKeys(path + ".", node, FILTER_KEYS);
        List<String> jobs = stringList(node, "jobs", path + ".", List.of("**"));
        if (jobs.isEmpty()) {
            throw new ConfigException(path + ".jobs: expected at least one job glob (leave the key out for all jobs)");
        }
        String windowText = optionalText(node, "window", path + ".", "all");
        ExportWindow window;
        try {
            window = ExportWindow.parse(windowText);
        } catch (ConfigException e) {
            throw new ConfigException(path + ".window: " + e.getMessage(), e);
        }
        return new ExportFilter(jobs, window);
    }

    private static CronSchedule cron(String text, String key) throws ConfigException {
        try {
            return CronSchedule.parse(text);
        } catch (ConfigException e) {
            throw new ConfigException(key + ": " + e.getMessage(), e.getCause());
        }
    }

    private static int wholeNumber(JsonNode node, String key, int min, int max, int fallback) throws ConfigException {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isInt() || node.asInt() < min || node.asInt() > max) {
            throw new ConfigException(
                    key + ": expected a whole number from " + min + " to " + max + " but found " + describe(node));
        }
        return node.asInt();
    }

    private static String sortedFileNames() {
        return FILE_NAMES.stream().sorted().collect(Collectors.joining(", "));
    }
}
