package dev.rebuildcauses.harvest.jenkins;

import static dev.rebuildcauses.harvest.http.JsonFields.array;
import static dev.rebuildcauses.harvest.http.JsonFields.number;
import static dev.rebuildcauses.harvest.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebuildcauses.harvest.model.TriggerCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one build of the Jenkins (or Hudson) API into a {@link JenkinsBuild}. */
final class BuildParser {
    /**
     * The fields asked for with {@code tree=}, for {@code allBuilds[...]} and {@code builds[...]} alike.
     * {@code buildsByBranchName} needs its sub-fields: named bare, its entries come back empty.
     */
    static final String FIELDS = "number,timestamp,duration,result,building,url,"
            + "actions[_class,causes[_class,shortDescription,userId,userName,upstreamProject,upstreamBuild],"
            + "lastBuiltRevision[SHA1,branch[SHA1,name]],remoteUrls,"
            + "buildsByBranchName[buildNumber,revision[SHA1]]],"
            + "changeSet[items[commitId,id]],changeSets[items[commitId,id]]";

    private BuildParser() {}

    static JenkinsBuild parse(String job, JsonNode build) {
        long number = number(build, "number", -1);
        boolean building = build.path("building").asBoolean(false);
        List<TriggerCause> causes = new ArrayList<>();
        Set<BuiltRevision> revisions = new LinkedHashSet<>(); // pipelines may repeat one BuildData
        for (JsonNode action : array(build, "actions")) {
            for (JsonNode cause : array(action, "causes")) {
                causes.add(cause(cause));
            }
            JsonNode last = action.get("lastBuiltRevision");
            if (last != null && last.isObject() && !text(last, "SHA1").isEmpty()) {
                revisions.add(revision(number, action, last));
            }
        }
        return new JenkinsBuild(
                job,
                number,
                Instant.ofEpochMilli(number(build, "timestamp", 0)),
                building ? null : Duration.ofMillis(number(build, "duration", 0)),
                building ? "" : text(build, "result"),
                building,
                causes,
                List.copyOf(revisions),
                commitIds(build));
    }

    private static TriggerCause cause(JsonNode cause) {
        String upstream = text(cause, "upstreamProject");
        String detail;
        if (!upstream.isEmpty()) {
            detail = upstream + "#" + text(cause, "upstreamBuild");
        } else if (!text(cause, "userId").isEmpty()) {
            detail = text(cause, "userId");
        } else {
            detail = text(cause, "userName");
        }
        return new TriggerCause(text(cause, "_class"), text(cause, "shortDescription"), detail);
    }

    private static BuiltRevision revision(long number, JsonNode action, JsonNode last) {
        String sha1 = text(last, "SHA1");
        String branch = "";
        for (JsonNode candidate : array(last, "branch")) {
            branch = text(candidate, "name");
            if (!branch.isEmpty()) {
                break;
            }
        }
        if (branch.isEmpty()) {
            branch = branchFromHistory(number, sha1, action.get("buildsByBranchName"));
        }
        List<String> remotes = new ArrayList<>();
        for (JsonNode remote : array(action, "remoteUrls")) {
            remotes.add(remote.asText());
        }
        return new BuiltRevision(sha1, branch, remotes);
    }

    /** Where {@code lastBuiltRevision} names no branch: the branch whose last build is this one. */
    private static String branchFromHistory(long number, String sha1, JsonNode byBranch) {
        if (byBranch == null || !byBranch.isObject()) {
            return "";
        }
        String bySha = "";
        for (Iterator<Map.Entry<String, JsonNode>> it = byBranch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode built = entry.getValue();
            if (number(built, "buildNumber", -2) == number) {
                return entry.getKey();
            }
            if (bySha.isEmpty() && sha1.equals(text(built.path("revision"), "SHA1"))) {
                bySha = entry.getKey();
            }
        }
        return bySha;
    }

    private static List<String> commitIds(JsonNode build) {
        List<String> ids = new ArrayList<>();
        addItems(build.get("changeSet"), ids);
        for (JsonNode set : array(build, "changeSets")) {
            addItems(set, ids);
        }
        return ids;
    }

    private static void addItems(JsonNode changeSet, List<String> ids) {
        for (JsonNode item : array(changeSet, "items")) {
            String id = text(item, "commitId");
            id = id.isEmpty() ? text(item, "id") : id; // Hudson: commitId null, the SHA in id
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
    }
}
