package dev.rebuildcauses.harvest.changes;

import java.util.Locale;

/** Compares repository URLs the way people write them: https and ssh forms of one repository are equal. */
public final class RepositoryUrls {
    private RepositoryUrls() {}

    /**
     * A key equal for every spelling of one repository: no scheme, user, port, {@code .git}, trailing
     * {@code /} or Bitbucket Server {@code /scm/} prefix; lower case. E.g. both
     * {@code https://host/scm/PROJ/repo.git} and {@code ssh://git@host:7999/proj/repo.git} give
     * {@code host/proj/repo}.
     */
    public static String normalize(String url) {
        if (url == null) {
            return "";
        }
        String text = url.trim();
        String host = "";
        String path = text;
        int scheme = text.indexOf("://");
        if (scheme > 0) {
            String schemeName = text.substring(0, scheme).toLowerCase(Locale.ROOT);
            String rest = text.substring(scheme + 3);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            path = slash < 0 ? "" : rest.substring(slash);
            host = authority.substring(authority.lastIndexOf('@') + 1);
            int port = host.lastIndexOf(':');
            if (port >= 0 && !host.endsWith("]")) {
                host = host.substring(0, port);
            }
            if (schemeName.startsWith("http")) {
                int scm = path.indexOf("/scm/");
                path = scm >= 0 ? path.substring(scm + 4) : path;
            }
        } else {
            int colon = text.indexOf(':');
            int slash = text.indexOf('/');
            if (colon > 0 && (slash < 0 || colon < slash)) { // scp-like git@host:path
                String authority = text.substring(0, colon);
                host = authority.substring(authority.lastIndexOf('@') + 1);
                path = "/" + text.substring(colon + 1);
            }
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        if (!host.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        return (host + path).toLowerCase(Locale.ROOT);
    }
}
