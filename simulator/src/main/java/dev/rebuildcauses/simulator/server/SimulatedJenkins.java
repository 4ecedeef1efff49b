package dev.rebuildcauses.simulator.server;

import com.sun.net.httpserver.HttpExchange;
import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A simulated Jenkins remote API ({@code /api/json} with {@code tree=}) over a {@link SimulatedHistory}:
 * folders, multibranch projects and an organization folder, freestyle and pipeline jobs, builds with
 * causes, BuildData actions and change sets. In Hudson mode it answers like Hudson 3.3.2 (no
 * {@code _class}, no ranges, no {@code allBuilds}, uncapped {@code builds}, no {@code remoteUrls}).
 */
public final class SimulatedJenkins extends SimulatedServer {
    private static final int BUILDS_CAP = 100;
    private static final TreeSpec DEFAULT_JOBS = TreeSpec.parse("name,url,color");
    private static final TreeSpec DEFAULT_BUILDS = TreeSpec.parse("number,url");
    private static final TreeSpec JOB_DEFAULT = TreeSpec.parse(
            "name,fullName,displayName,url,color,buildable,nextBuildNumber,jobs,builds,lastBuild,lastCompletedBuild");

    private final SimulatedHistory history;
    private final Function<String, String> cloneUrls;
    private final String user;
    private final String token;
    private final boolean hudsonMode;
    private final Map<String, SimulatedJob> jobsByPath = new HashMap<>();

    /**
     * @param cloneUrls the clone URL of a repository key {@code PROJ/slug}, as BuildData's {@code remoteUrls}
     * @param user the user whose token is accepted as Basic auth, {@code null} for no auth check
     * @param token that user's API token
     */
    public SimulatedJenkins(
            SimulatedHistory history,
            FaultPlan plan,
            Function<String, String> cloneUrls,
            String user,
            String token,
            boolean hudsonMode) {
        super(plan);
        this.history = history;
        this.cloneUrls = cloneUrls;
        this.user = user;
        this.token = token;
        this.hudsonMode = hudsonMode;
        index(history.roots());
    }

    private void index(List<SimulatedJob> items) {
        for (SimulatedJob item : items) {
            jobsByPath.put(item.urlPath(), item);
            index(item.children());
        }
    }

    @Override
    protected boolean authorized(HttpExchange exchange) {
        if (user == null) {
            return true;
        }
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    @Override
    protected Answer unauthorized() {
        return Answer.html(
                403,
                "<html><head><title>Authentication required</title></head><body>"
                        + "Authentication required</body></html>");
    }

    @Override
    protected Answer answer(String rawPath, Map<String, String> query) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.endsWith("/config.xml") && jobsByPath.containsKey(path.substring(0, path.length() - 10))) {
            return new Answer(
                    200,
                    "application/xml",
                    JobConfigs.configXml(jobsByPath.get(path.substring(0, path.length() - 10)), cloneUrls, hudsonMode));
        }
        if (!path.endsWith("api/json") && !path.endsWith("api/json/")) {
            return Answer.html(404, "<html><body>Not found: " + rawPath + "</body></html>");
        }
        String prefix = path.substring(0, path.lastIndexOf("api/json"));
        TreeSpec tree;
        try {
            tree = query.containsKey("tree") ? TreeSpec.parse(query.get("tree")) : null;
        } catch (TreeSpec.MalformedTreeException e) {
            return Answer.text(hudsonMode ? 500 : 400, e.getMessage());
        }
        if (hudsonMode && tree != null && tree.hasRange()) {
            return Answer.html(500, "<html><body>Malformed tree expression: " + query.get("tree") + "</body></html>");
        }
        if (prefix.isEmpty()) {
            return Answer.json(root(tree));
        }
        SimulatedJob job = jobsByPath.get(prefix);
        if (job != null) {
            return Answer.json(item(job, tree == null ? JOB_DEFAULT : tree));
        }
        int slash = prefix.lastIndexOf('/', prefix.length() - 2);
        String jobPath = prefix.substring(0, slash + 1);
        String number = prefix.substring(slash + 1, prefix.length() - 1);
        SimulatedJob owner = jobsByPath.get(jobPath);
        if (owner != null && !owner.kind().isContainer() && number.matches("\\d+")) {
            long n = Long.parseLong(number);
            if (n >= 1 && n <= owner.builds().size()) {
                Map<String, Object> build = build(owner, owner.builds().get((int) n - 1));
                return Answer.json(tree == null ? build : tree.filter(build));
            }
        }
        return Answer.html(404, "<html><body>Not found: " + rawPath + "</body></html>");
    }

    private Map<String, Object> root(TreeSpec tree) {
        Map<String, Object> root = new LinkedHashMap<>();
        putClass(root, "hudson.model.Hudson");
        TreeSpec spec = tree == null ? TreeSpec.parse("mode,nodeName,url,jobs") : tree;
        if (spec.selects("mode")) {
            root.put("mode", "NORMAL");
        }
        if (spec.selects("nodeName")) {
            root.put("nodeName", "");
        }
        if (spec.selects("url")) {
            root.put("url", url());
        }
        TreeSpec.Field jobs = spec.field("jobs");
        if (jobs != null) {
            root.put("jobs", items(history.roots(), jobs));
        }
        return root;
    }

    private List<Object> items(List<SimulatedJob> children, TreeSpec.Field field) {
        List<SimulatedJob> selected =
                field.range() == null ? children : field.range().apply(children);
        TreeSpec sub = field.subTree() == null ? DEFAULT_JOBS : field.subTree();
        List<Object> out = new ArrayList<>();
        for (SimulatedJob child : selected) {
            out.add(item(child, sub));
        }
        return out;
    }

    private Map<String, Object> item(SimulatedJob job, TreeSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        putClass(out, job.kind().className());
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("name", job.name());
        plain.put("fullName", job.fullName());
        plain.put("displayName", job.name().replace("%2F", "/"));
        plain.put("url", url() + job.urlPath());
        plain.put("color", job.kind().isContainer() ? null : "blue");
        if (!job.kind().isContainer()) {
            plain.put("buildable", true);
            plain.put("nextBuildNumber", job.builds().size() + 1);
        }
        for (Map.Entry<String, Object> entry : plain.entrySet()) {
            if (spec.selects(entry.getKey())) {
                out.put(entry.getKey(), entry.getValue());
            }
        }
        if (job.kind().isContainer()) {
            TreeSpec.Field jobs = spec.field("jobs");
            if (jobs != null) {
                out.put("jobs", items(job.children(), jobs));
            }
            return out;
        }
        List<SimulatedBuild> newestFirst = new ArrayList<>(job.builds());
        Collections.reverse(newestFirst);
        TreeSpec.Field builds = spec.field("builds");
        if (builds != null) {
            List<SimulatedBuild> capped =
                    hudsonMode ? newestFirst : newestFirst.subList(0, Math.min(BUILDS_CAP, newestFirst.size()));
            out.put("builds", builds(job, capped, builds));
        }
        TreeSpec.Field all = spec.field("allBuilds");
        if (all != null && !hudsonMode && !all.name().equals("*")) {
            out.put("allBuilds", builds(job, newestFirst, all));
        }
        if (spec.selects("lastBuild")) {
            out.put("lastBuild", newestFirst.isEmpty() ? null : buildRef(job, newestFirst.get(0)));
        }
        if (spec.selects("lastCompletedBuild")) {
            out.put(
                    "lastCompletedBuild",
                    newestFirst.stream()
                            .filter(b -> !b.building())
                            .findFirst()
                            .map(b -> (Object) buildRef(job, b))
                            .orElse(null));
        }
        return out;
    }

    private List<Object> builds(SimulatedJob job, List<SimulatedBuild> newestFirst, TreeSpec.Field field) {
        List<SimulatedBuild> selected =
                field.range() == null ? newestFirst : field.range().apply(newestFirst);
        TreeSpec sub = field.subTree() == null ? DEFAULT_BUILDS : field.subTree();
        List<Object> out = new ArrayList<>(selected.size());
        for (SimulatedBuild build : selected) {
            out.add(sub.filter(build(job, build)));
        }
        return out;
    }

    private Map<String, Object> buildRef(SimulatedJob job, SimulatedBuild build) {
        Map<String, Object> ref = new LinkedHashMap<>();
        putClass(ref, job.kind().buildClassName());
        ref.put("number", build.number());
        ref.put("url", buildUrl(job, build));
        return ref;
    }

    private String buildUrl(SimulatedJob job, SimulatedBuild build) {
        return url() + job.urlPath() + build.number() + "/";
    }

    private Map<String, Object> build(SimulatedJob job, SimulatedBuild build) {
        return new BuildRenderer(hudsonMode, url(), cloneUrls, history).render(job, build, buildUrl(job, build));
    }

    private void putClass(Map<String, Object> out, String className) {
        if (!hudsonMode) {
            out.put("_class", className);
        }
    }
}
