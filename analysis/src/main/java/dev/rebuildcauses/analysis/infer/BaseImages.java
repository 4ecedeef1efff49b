package dev.rebuildcauses.analysis.infer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The images a Dockerfile's stages start {@code FROM}, with {@code ARG} defaults filled in and stage names left out. */
final class BaseImages {
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private BaseImages() {}

    static List<String> of(List<DockerInstruction> instructions) {
        Map<String, String> arguments = new HashMap<>();
        Set<String> stages = new HashSet<>();
        List<String> images = new ArrayList<>();
        for (DockerInstruction instruction : instructions) {
            String[] words = instruction.arguments().trim().split("\\s+");
            if (instruction.keyword().equals("ARG") && !words[0].isEmpty()) {
                int equals = words[0].indexOf('=');
                if (equals > 0) {
                    arguments.putIfAbsent(words[0].substring(0, equals), unquote(words[0].substring(equals + 1)));
                }
            } else if (instruction.keyword().equals("FROM")) {
                String image = null;
                for (int i = 0; i < words.length; i++) {
                    if (words[i].startsWith("--")) {
                        continue;
                    }
                    if (image == null) {
                        image = substitute(words[i], arguments);
                    } else if (words[i].equalsIgnoreCase("AS") && i + 1 < words.length) {
                        stages.add(words[i + 1].toLowerCase(Locale.ROOT));
                        break;
                    }
                }
                if (image != null
                        && !image.isEmpty()
                        && !stages.contains(image.toLowerCase(Locale.ROOT))
                        && !image.equals("scratch")) {
                    images.add(image);
                }
            }
        }
        return images;
    }

    /** The repository part of an image reference: {@code quay.io/jupyter/base-notebook:2024} gives {@code base-notebook}. */
    static String shortName(String image) {
        String name = image;
        int digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        int slash = name.lastIndexOf('/');
        name = name.substring(slash + 1);
        int tag = name.indexOf(':');
        return tag >= 0 ? name.substring(0, tag) : name;
    }

    private static String substitute(String word, Map<String, String> arguments) {
        Matcher matcher = VARIABLE.matcher(word);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(arguments.getOrDefault(name, "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String unquote(String value) {
        return value.length() >= 2
                        && (value.startsWith("\"") && value.endsWith("\"")
                                || value.startsWith("'") && value.endsWith("'"))
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
