package dev.rebuildcauses.simulator.server;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.simulator.history.JobKind;
import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedCause;
import dev.rebuildcauses.simulator.history.SimulatedCommit;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Renders one build as Jenkins' {@code /api/json} does at depth 0, with its actions and change sets. */
final class BuildRenderer {
    private static final DateTimeFormatter GIT_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HUDSON_ID =
            DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss").withZone(ZoneOffset.UTC);

    private final boolean hudsonMode;
    private final String serverUrl;
    private final Function<String, String> cloneUrls;
    private final SimulatedHistory history;

    BuildRenderer(boolean hudsonMode, String serverUrl, Function<String, String> cloneUrls, SimulatedHistory history) {
        this.hudsonMode = hudsonMode;
        this.serverUrl = serverUrl;
        this.cloneUrls = cloneUrls;
        this.history = history;
    }

    Map<String, Object> render(SimulatedJob job, SimulatedBuild build, String url) {
        Map<String, Object> out = new LinkedHashMap<>();
        putClass(out, job.kind().buildClassName());
        out.put("actions", actions(job, build));
        out.put("artifacts", List.of());
        out.put("building", build.building());
        out.put("description", null);
        out.put("displayName", "#" + build.number());
        out.put("duration", build.durationMillis());
        out.put("estimatedDuration", Math.max(60_000, build.durationMillis()));
        out.put("executor", null);
        out.put("fullDisplayName", job.fullName().replace("/", " » ").replace("%2F", "/") + " #" + build.number());
        out.put("id", hudsonMode ? HUDSON_ID.format(build.startedAt()) : String.valueOf(build.number()));
        out.put("keepLog", false);
        out.put("number", build.number());
        out.put("queueId", 1000 + build.number());
        out.put("result", build.result());
        out.put("timestamp", build.startedAt().toEpochMilli());
        out.put("url", url);
        if (job.kind() == JobKind.FREESTYLE || hudsonMode) {
            out.put("builtOn", "");
            out.put("changeSet", changeSet(build));
            out.put("culprits", List.of());
        } else {
            List<Object> sets = new ArrayList<>();
            if (!build.changeLog().isEmpty()) {
                sets.add(changeSet(build));
            }
            out.put("changeSets", sets);
            out.put("culprits", List.of());
            out.put("inProgress", build.building());
            out.put("nextBuild", null);
            out.put("previousBuild", null);
        }
        return out;
    }

    private List<Object> actions(SimulatedJob job, SimulatedBuild build) {
        List<Object> actions = new ArrayList<>();
        Map<String, Object> causeAction = new LinkedHashMap<>();
        putClass(causeAction, "hudson.model.CauseAction");
        List<Object> causes = new ArrayList<>();
        for (SimulatedCause cause : build.causes()) {
            Map<String, Object> c = new LinkedHashMap<>();
            putClass(c, cause.className());
            c.put("shortDescription", cause.shortDescription());
            new java.util.TreeMap<>(cause.fields()).forEach(c::put);
            causes.add(c);
        }
        causeAction.put("causes", causes);
        actions.add(causeAction);
        actions.add(new LinkedHashMap<>());
        if (build.libraryRevision() != null && !hudsonMode) {
            actions.add(buildData(history.sharedLibrary().key(), build.libraryRevision(), "master", build.number()));
        }
        actions.add(buildData(job.repositoryKey(), build.revision(), build.branch(), build.number()));
        if (job.kind() == JobKind.PIPELINE && !hudsonMode) {
            actions.add(Map.of("_class", "org.jenkinsci.plugins.workflow.libs.LibrariesAction"));
            actions.add(new LinkedHashMap<>());
            actions.add(Map.of("_class", "org.jenkinsci.plugins.workflow.job.views.FlowGraphAction"));
        } else {
            Map<String, Object> tag = new LinkedHashMap<>();
            putClass(tag, "hudson.plugins.git.GitTagAction");
            actions.add(tag);
            actions.add(new LinkedHashMap<>());
        }
        return actions;
    }

    private Map<String, Object> buildData(String repositoryKey, String sha1, String branch, long number) {
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("SHA1", sha1);
        Map<String, Object> branchEntry = new LinkedHashMap<>();
        branchEntry.put("SHA1", sha1);
        branchEntry.put("name", branch);
        revision.put("branch", List.of(branchEntry));
        Map<String, Object> built = new LinkedHashMap<>();
        putClass(built, "hudson.plugins.git.util.Build");
        built.put("buildNumber", number);
        built.put("buildResult", null);
        built.put("marked", revision);
        built.put("revision", revision);
        Map<String, Object> data = new LinkedHashMap<>();
        putClass(data, "hudson.plugins.git.util.BuildData");
        data.put("buildsByBranchName", Map.of(branch, built));
        data.put("lastBuiltRevision", revision);
        if (!hudsonMode) {
            data.put("remoteUrls", List.of(cloneUrls.apply(repositoryKey)));
        }
        data.put("scmName", "");
        return data;
    }

    private Map<String, Object> changeSet(SimulatedBuild build) {
        Map<String, Object> set = new LinkedHashMap<>();
        if (build.changeLog().isEmpty()) {
            putClass(set, "hudson.scm.EmptyChangeLogSet");
            set.put("items", List.of());
            set.put("kind", null);
            return set;
        }
        putClass(set, "hudson.plugins.git.GitChangeSetList");
        List<Object> items = new ArrayList<>();
        for (SimulatedCommit commit : build.changeLog()) {
            if (hudsonMode && commit.changes().isEmpty()) {
                continue;
            }
            items.add(item(commit));
        }
        set.put("items", items);
        set.put("kind", "git");
        return set;
    }

    private Map<String, Object> item(SimulatedCommit commit) {
        List<Object> paths = new ArrayList<>();
        List<String> affected = new ArrayList<>();
        for (FileChange change : commit.changes()) {
            if (change.kind() == ChangeKind.RENAME || change.kind() == ChangeKind.COPY) {
                if (change.kind() == ChangeKind.RENAME) {
                    paths.add(Map.of("editType", "delete", "file", change.oldPath()));
                    affected.add(change.oldPath());
                }
                paths.add(Map.of("editType", "add", "file", change.path()));
            } else {
                String type =
                        switch (change.kind()) {
                            case ADD -> "add";
                            case DELETE -> "delete";
                            default -> "edit";
                        };
                paths.add(Map.of("editType", type, "file", change.path()));
            }
            affected.add(change.path());
        }
        Map<String, Object> item = new LinkedHashMap<>();
        putClass(item, "hudson.plugins.git.GitChangeSet");
        if (!hudsonMode) {
            item.put("affectedPaths", affected);
            item.put("commitId", commit.id());
            item.put("timestamp", commit.time().toEpochMilli());
            item.put("authorEmail", commit.authorEmail());
        } else {
            item.put("commitId", null);
        }
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("absoluteUrl", serverUrl + "user/" + commit.authorEmail().replace("@example.com", ""));
        author.put("fullName", commit.authorName());
        item.put("author", author);
        item.put("comment", commit.message() + "\n");
        item.put("date", GIT_DATE.format(commit.time()));
        item.put("id", commit.id());
        item.put("msg", commit.message());
        item.put("paths", paths);
        return item;
    }

    private void putClass(Map<String, Object> out, String className) {
        if (!hudsonMode) {
            out.put("_class", className);
        }
    }
}
