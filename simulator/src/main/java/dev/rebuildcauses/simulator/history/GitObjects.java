package dev.rebuildcauses.simulator.history;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Git's object ids computed in Java (blob, tree, commit), so simulated commits carry the very ids a
 * real repository built from them has: the REST API and git's smart HTTP serve one history.
 */
final class GitObjects {
    private GitObjects() {}

    static String blobId(byte[] content) {
        return hash("blob", content);
    }

    /** The root tree of files given as path to blob id. */
    static String treeId(Map<String, String> blobs) {
        Node root = new Node();
        for (Map.Entry<String, String> file : blobs.entrySet()) {
            Node node = root;
            String[] parts = file.getKey().split("/");
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.children.computeIfAbsent(parts[i], k -> new Node());
            }
            node.blobs.put(parts[parts.length - 1], file.getValue());
        }
        return root.id();
    }

    /** The commit id of git's commit object with the message as given plus one line end. */
    static String commitId(String tree, List<String> parents, String name, String email, Instant time, String message) {
        StringBuilder text = new StringBuilder("tree ").append(tree).append('\n');
        for (String parent : parents) {
            text.append("parent ").append(parent).append('\n');
        }
        String who = identity(name, email, time);
        text.append("author ").append(who).append('\n');
        text.append("committer ").append(who).append('\n');
        text.append('\n').append(message).append('\n');
        return hash("commit", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code Name <email> seconds +0000}, as in commit objects and fast-import streams. */
    static String identity(String name, String email, Instant time) {
        return name + " <" + email + "> " + time.getEpochSecond() + " +0000";
    }

    private static String hash(String type, byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update((type + " " + content.length + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }

    /** A directory while its tree is built. */
    private static final class Node {
        private final Map<String, Node> children = new TreeMap<>();
        private final Map<String, String> blobs = new TreeMap<>();

        String id() {
            // git sorts entries by name, a directory as if its name ended with '/'
            TreeMap<String, byte[]> entries = new TreeMap<>();
            for (Map.Entry<String, String> blob : blobs.entrySet()) {
                entries.put(blob.getKey(), entry("100644", blob.getKey(), blob.getValue()));
            }
            for (Map.Entry<String, Node> child : children.entrySet()) {
                entries.put(
                        child.getKey() + "/",
                        entry("40000", child.getKey(), child.getValue().id()));
            }
            ByteArrayOutputStream tree = new ByteArrayOutputStream();
            entries.values().forEach(tree::writeBytes);
            return hash("tree", tree.toByteArray());
        }

        private static byte[] entry(String mode, String name, String id) {
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            entry.writeBytes((mode + " " + name + "\0").getBytes(StandardCharsets.UTF_8));
            entry.writeBytes(HexFormat.of().parseHex(id));
            return entry.toByteArray();
        }
    }
}
