package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.plugin.PluginSettings;
import dev.rebuildcauses.plugin.PluginSettings.ChangeSourceKind;
import dev.rebuildcauses.plugin.ScheduledExports;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.Secret;
import java.nio.file.Path;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest;

/** The plugin's section of the server's global configuration page ({@code global.jelly}). */
public final class RebuildCausesConfig implements Describable<RebuildCausesConfig> {
    @Override
    public DescriptorImpl getDescriptor() {
        return DescriptorImpl.instance;
    }

    /** Holds and persists the settings (in the server's home) and restarts the plugin when they change. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<RebuildCausesConfig> {
        private static DescriptorImpl instance;

        private String changeSource = ChangeSourceKind.SERVER.name();
        private String bitbucketUrl = "";
        private String user = "";
        private Secret token;
        private String mirrorFolder = "";
        private String rulesFile = "";
        private String storeUrl = "";
        private String exportSchedules = PluginSettings.DEFAULT_EXPORTS;

        public DescriptorImpl() {
            super(RebuildCausesConfig.class);
            load();
            instance = this;
            PluginState.restart(settings());
        }

        @Override
        public String getDisplayName() {
            return "Rebuild causes";
        }

        @Override
        public boolean configure(StaplerRequest request, JSONObject form) throws FormException {
            HudsonFacade.checkAdminister();
            changeSource = form.optString("changeSource", ChangeSourceKind.SERVER.name());
            bitbucketUrl = form.optString("bitbucketUrl", "");
            user = form.optString("user", "");
            token = Secret.fromString(form.optString("token", ""));
            mirrorFolder = form.optString("mirrorFolder", "");
            rulesFile = form.optString("rulesFile", "");
            storeUrl = form.optString("storeUrl", "");
            String schedules = form.optString("exportSchedules", "");
            try {
                ScheduledExports.parse(schedules, Path.of("exports"));
            } catch (ConfigException e) {
                throw new FormException(e.getMessage(), "exportSchedules");
            }
            exportSchedules = schedules;
            save();
            PluginState.restart(settings());
            return true;
        }

        /** The saved settings as plain values. */
        PluginSettings settings() {
            ChangeSourceKind kind;
            try {
                kind = ChangeSourceKind.valueOf(changeSource == null ? "SERVER" : changeSource);
            } catch (IllegalArgumentException e) {
                kind = ChangeSourceKind.SERVER;
            }
            return new PluginSettings(
                    kind,
                    bitbucketUrl,
                    user,
                    token == null ? "" : Secret.toString(token),
                    mirrorFolder,
                    rulesFile,
                    storeUrl,
                    exportSchedules);
        }

        // getters for global.jelly
        public String getChangeSource() {
            return settings().changeSource().name();
        }

        public String getBitbucketUrl() {
            return bitbucketUrl;
        }

        public String getUser() {
            return user;
        }

        public Secret getToken() {
            return token;
        }

        public String getMirrorFolder() {
            return mirrorFolder;
        }

        public String getRulesFile() {
            return rulesFile;
        }

        public String getStoreUrl() {
            return storeUrl;
        }

        public String getExportSchedules() {
            return exportSchedules;
        }
    }
}
