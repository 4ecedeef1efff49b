package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Splits an instruction's arguments into leading flags and operands, and tells the JSON form from the shell form. */
final class InstructionSplitter {
    private static final Set<String> WITH_FLAGS = Set.of("FROM", "RUN", "COPY", "ADD", "HEALTHCHECK");

    private InstructionSplitter() {}

    static boolean insideQuotes(String text, int position) {
        char quote = 0;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (quote == 0 && c == '\\') {
                i++;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return quote != 0;
    }

    static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static Parts split(String keyword, String arguments) {
        List<InstructionFlag> flags = new ArrayList<>();
        String rest = arguments;
        if (WITH_FLAGS.contains(keyword)) {
            while (rest.startsWith("--") && rest.length() > 2 && !Character.isWhitespace(rest.charAt(2))) {
                int end = firstWhitespace(rest);
                String token = end < 0 ? rest.substring(2) : rest.substring(2, end);
                int equals = token.indexOf('=');
                flags.add(
                        equals < 0
                                ? new InstructionFlag(token, "")
                                : new InstructionFlag(token.substring(0, equals), token.substring(equals + 1)));
                rest = end < 0 ? "" : rest.substring(end).strip();
            }
        }
        Optional<List<String>> json = rest.startsWith("[") ? JsonArrayReader.read(rest) : Optional.empty();
        return new Parts(
                flags, rest, json.isPresent() ? InstructionForm.JSON : InstructionForm.SHELL, json.orElse(List.of()));
    }

    record Parts(List<InstructionFlag> flags, String operands, InstructionForm form, List<String> json) {}
}
