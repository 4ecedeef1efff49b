package dev.rebuildcauses.harvest.jenkins;

import static dev.rebuildcauses.harvest.http.JsonFields.array;
import static dev.rebuildcauses.harvest.http.JsonFields.number;
import static dev.rebuildcauses.harvest.http.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One build's remote-API JSON (as {@code /job/X/N/api/json} answers it, or as a plugin exports it in
 * process) read with the harvester's own parser, plus the change set the server recorded with its files.
 */
public final class BuildJson {
    // Hudson once repeated a key in one object: later values win, no failure
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * The {@code tree=} of everything {@link #parse} and {@link #changeSet} read. It leaves out
     * {@code url}, which a server without a configured root URL cannot compute outside a request.
     */
    public static final String TREE = "number,timestamp,duration,result,building,"
            + "actions[_class,causes[_class,shortDescription,userId,userName,upstreamProject,upstreamBuild],"
            + "lastBuiltRevision[SHA1,branch[SHA1,name]],remoteUrls,"
            + "buildsByBranchName[buildNumber,revision[SHA1]]],"
            + "changeSet[items[commitId,id,msg,timestamp,author[fullName],paths[editType,file],affectedPaths]],"
            + "changeSets[items[commitId,id,msg,timestamp,author[fullName],paths[editType,file],affectedPaths]]";

    private BuildJson() {}

    /** The build as the harvester sees it (causes, built revisions, change-set commit ids). */
    public static JenkinsBuild parse(String job, String json) throws HarvestException {
        return BuildParser.parse(job, tree(job, json));
    }

    /**
     * The commits of the build's change set with their files, oldest first as the server lists them.
     * Servers leave empty commits out of change sets, so every commit here changed a file.
     */
    public static List<ServerCommit> changeSet(String job, String json) throws HarvestException {
        JsonNode build = tree(job, json);
        List<ServerCommit> commits = new ArrayList<>();
        addItems(build.get("changeSet"), commits);
        for (JsonNode set : array(build, "changeSets")) {
            addItems(set, commits);
        }
        return commits;
    }

    private static JsonNode tree(String job, String json) throws HarvestException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new HarvestException(FailureKind.BAD_RESPONSE, "build JSON of " + job + " is not an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HarvestException(
                    FailureKind.BAD_RESPONSE, "build JSON of " + job + " is malformed: " + e.getOriginalMessage(), e);
        }
    }

    private static void addItems(JsonNode changeSet, List<ServerCommit> commits) {
        if (changeSet == null) {
            return;
        }
        for (JsonNode item : array(changeSet, "items")) {
            String id = text(item, "commitId");
            id = id.isEmpty() ? text(item, "id") : id; // Hudson: commitId null, the SHA in id
            if (id.isEmpty()) {
                continue;
            }
            Set<FileChange> files = new LinkedHashSet<>();
            for (JsonNode path : array(item, "paths")) { // Hudson and Jenkins: {editType, file}
                files.add(FileChange.of(kind(text(path, "editType")), text(path, "file")));
            }
            if (files.isEmpty()) {
                for (JsonNode path : array(item, "affectedPaths")) {
                    files.add(FileChange.of(ChangeKind.MODIFY, path.asText()));
                }
            }
            long millis = number(item, "timestamp", 0);
            String author = text(item.path("author"), "fullName");
            Commit commit = new Commit(
                    id,
                    List.of(),
                    author,
                    millis > 0 ? Instant.ofEpochMilli(millis) : null,
                    text(item, "msg"),
                    files.size());
            commits.add(new ServerCommit(commit, List.copyOf(files)));
        }
    }

    private static ChangeKind kind(String editType) {
        return switch (editType.toLowerCase(Locale.ROOT)) {
            case "add" -> ChangeKind.ADD;
            case "delete" -> ChangeKind.DELETE;
            default -> ChangeKind.MODIFY;
        };
    }

    /** A commit of a server-recorded change set with the files it changed. */
    public record ServerCommit(Commit commit, List<FileChange> files) {
        public ServerCommit {
            files = List.copyOf(files);
        }
    }
}
