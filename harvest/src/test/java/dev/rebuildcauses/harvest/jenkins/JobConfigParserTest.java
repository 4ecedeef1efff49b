package dev.rebuildcauses.harvest.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import org.junit.jupiter.api.Test;

class JobConfigParserTest {
    /** The shape Hudson 3.3.2's git plugin 3.0.1 stores (HUDSON.md). */
    static final String HUDSON_CONFIG =
            """
            <?xml version='1.0' encoding='UTF-8'?>
            <project>
              <scm class="hudson.plugins.git.GitSCM">
                <configVersion>2</configVersion>
                <remoteRepositories>
                  <org.spearce.jgit.transport.RemoteConfig>
                    <string>origin</string>
                    <int>5</int>
                    <string>fetch</string>
                    <string>+refs/heads/*:refs/remotes/origin/*</string>
                    <string>receivepack</string>
                    <string>git-receive-pack</string>
                    <string>uploadpack</string>
                    <string>git-upload-pack</string>
                    <string>url</string>
                    <string>file:///srv/git/image-base.git</string>
                    <string>tagopt</string>
                    <string></string>
                  </org.spearce.jgit.transport.RemoteConfig>
                </remoteRepositories>
                <branches><hudson.plugins.git.BranchSpec><name>master</name></hudson.plugins.git.BranchSpec></branches>
                <mergeOptions/>
              </scm>
            </project>
            """;

    @Test
    void shouldReadTheUrlOfHudsonsOldRemoteFormat() throws HarvestException {
        assertThat(JobConfigParser.gitRemoteUrls(HUDSON_CONFIG.strip(), "job/x/config.xml"))
                .containsExactly("file:///srv/git/image-base.git");
    }

    @Test
    void shouldReadModernRemoteConfigsAndMultibranchSources() throws HarvestException {
        String modern =
                """
                <?xml version='1.1' encoding='UTF-8'?>
                <flow-definition plugin="workflow-job@1400">
                  <definition class="org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition">
                    <scm class="hudson.plugins.git.GitSCM" plugin="git@5.2.0">
                      <userRemoteConfigs>
                        <hudson.plugins.git.UserRemoteConfig>
                          <url>https://bitbucket.example.com/scm/IMG/app.git</url>
                          <credentialsId>bb</credentialsId>
                        </hudson.plugins.git.UserRemoteConfig>
                        <hudson.plugins.git.UserRemoteConfig>
                          <url>ssh://git@bitbucket.example.com:7999/ci/lib.git</url>
                        </hudson.plugins.git.UserRemoteConfig>
                      </userRemoteConfigs>
                    </scm>
                  </definition>
                  <sources><jenkins.plugins.git.GitSCMSource><remote>https://bitbucket.example.com/scm/IMG/app.git</remote></jenkins.plugins.git.GitSCMSource></sources>
                </flow-definition>
                """;

        assertThat(JobConfigParser.gitRemoteUrls(modern.strip(), "config.xml"))
                .containsExactly(
                        "https://bitbucket.example.com/scm/IMG/app.git",
                        "ssh://git@bitbucket.example.com:7999/ci/lib.git");
    }

    @Test
    void shouldGiveNoUrlForAJobWithoutGit() throws HarvestException {
        assertThat(JobConfigParser.gitRemoteUrls("<project><scm class=\"hudson.scm.NullSCM\"/></project>", "x"))
                .isEmpty();
    }

    @Test
    void shouldNameTheSourceOfMalformedXml() {
        HarvestException failure = catchThrowableOfType(
                HarvestException.class,
                () -> JobConfigParser.gitRemoteUrls("<project><scm>", "http://h/job/x/config.xml"));

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("http://h/job/x/config.xml").contains("line 1");
    }

    @Test
    void shouldRefuseExternalEntities() {
        String hostile =
                "<?xml version='1.0'?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>";

        HarvestException failure =
                catchThrowableOfType(HarvestException.class, () -> JobConfigParser.gitRemoteUrls(hostile, "x"));

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
    }
}
