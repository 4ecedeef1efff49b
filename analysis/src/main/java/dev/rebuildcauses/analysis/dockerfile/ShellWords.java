package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Splits shell text into simple commands and their words, enough to recognise installers; no expansion. */
final class ShellWords {
    private ShellWords() {}

    /** The simple commands of the text (split at {@code && || ; | &} newlines and parentheses), each as its words with quotes removed. */
    static List<List<String>> commands(String text) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean skipNext = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                char escaped = text.charAt(++i);
                if (escaped != '\n') {
                    word.append(escaped);
                    inWord = true;
                }
            } else if (c == '#' && !inWord) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '>' || c == '<') {
                // a redirection: drop an fd number before it, the operator, and its target word
                if (inWord && word.chars().allMatch(Character::isDigit)) {
                    word.setLength(0);
                    inWord = false;
                } else if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                while (i + 1 < text.length() && "<>|-".indexOf(text.charAt(i + 1)) >= 0) {
                    i++;
                }
                skipNext = true;
                if (i + 1 < text.length() && text.charAt(i + 1) == '&') {
                    i++;
                    while (i + 1 < text.length()
                            && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '-')) {
                        i++;
                    }
                    skipNext = false;
                }
            } else if (c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' || c == ')') {
                if (c == '(' && inWord && word.toString().equals("$")) {
                    word.setLength(0); // $( starts a command substitution, not a word
                    inWord = false;
                }
                if (inWord) {
                    addWord(words, word, skipNext);
                    skipNext = false;
                    inWord = false;
                }
                if (!words.isEmpty()) {
                    commands.add(words);
                    words = new ArrayList<>();
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    addWord(words, word, skipNext);
                    skipNext = false;
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            addWord(words, word, skipNext);
        }
        if (!words.isEmpty()) {
            commands.add(words);
        }
        return commands;
    }

    private static void addWord(List<String> words, StringBuilder word, boolean skip) {
        if (!skip) {
            words.add(word.toString());
        }
        word.setLength(0);
    }
}
