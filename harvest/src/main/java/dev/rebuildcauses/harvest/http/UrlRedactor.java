package dev.rebuildcauses.harvest.http;

import java.util.regex.Pattern;

/** Makes a URL safe to show: no user info with a password or token, no secret query values, no endless query. */
public final class UrlRedactor {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@?#]*)@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&](?:[a-z_-]*token|password|passwd|pass|secret|api[_-]?key|key|auth|signature|sig|code)=)[^&#]*");
    private static final int MAX_QUERY = 120;

    private UrlRedactor() {}

    /** The URL with user info replaced by {@code ***} (kept for plain ssh users), secrets in the query masked. */
    public static String redact(String url) {
        if (url == null) {
            return "";
        }
        var userInfo = USER_INFO.matcher(url);
        String result = url;
        if (userInfo.find()) {
            String scheme = userInfo.group(1);
            String info = userInfo.group(2);
            boolean plainSshUser = scheme.startsWith("ssh") && !info.contains(":");
            if (!plainSshUser) {
                result = scheme + "***@" + url.substring(userInfo.end());
            }
        }
        result = SECRET_PARAM.matcher(result).replaceAll("$1***");
        int query = result.indexOf('?');
        if (query >= 0 && result.length() - query > MAX_QUERY) {
            result = result.substring(0, query + MAX_QUERY) + "…";
        }
        return result;
    }

    /**
     * The redacted URL as a person reads it, for a server that could not be reached: without the
     * query (it says nothing about where the server is) and with the path's percent-escapes decoded.
     */
    public static String readable(String url) {
        String shown = redact(url);
        int query = shown.indexOf('?');
        if (query >= 0) {
            shown = shown.substring(0, query);
        }
        try {
            return java.net.URLDecoder.decode(shown.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return shown;
        }
    }
}
