package dev.rebuildcauses.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstallRecognizerTest {

    private static List<DependencyInstall> installs(String script) {
        return InstallRecognizer.installs(script);
    }

    @Test
    void shouldRecogniseSystemPackagesWithPins() {
        assertThat(installs(
                        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends"
                                + " curl git=1:2.39.2-1 > /dev/null 2>&1 && rm -rf /var/lib/apt/lists/*"))
                .containsExactly(new DependencyInstall(
                        PackageManager.APT,
                        List.of(new PackageRef("curl", ""), new PackageRef("git", "=1:2.39.2-1")),
                        List.of(),
                        false));
        assertThat(installs("apk add --no-cache --virtual .build-deps gcc musl-dev=1.2"))
                .singleElement()
                .satisfies(i -> assertThat(i.packages())
                        .containsExactly(new PackageRef("gcc", ""), new PackageRef("musl-dev", "=1.2")));
        assertThat(installs("sudo dnf install -y python3 && microdnf install tar"))
                .extracting(DependencyInstall::manager, i -> i.packages().size())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PackageManager.YUM, 1),
                        org.assertj.core.groups.Tuple.tuple(PackageManager.YUM, 1));
    }

    @Test
    void shouldRecognisePipInEverySpelling() {
        assertThat(installs("pip install --no-cache-dir -r requirements.txt 'numpy==1.26.4' pandas>=2 -e ."))
                .containsExactly(new DependencyInstall(
                        PackageManager.PIP,
                        List.of(new PackageRef("numpy", "==1.26.4"), new PackageRef("pandas", "")),
                        List.of("requirements.txt"),
                        true));
        assertThat(installs(
                        "python3 -m pip install --upgrade pip && pip3 install -i https://x/simple flask[async]==3.0"))
                .extracting(DependencyInstall::packages)
                .containsExactly(List.of(new PackageRef("pip", "")), List.of(new PackageRef("flask[async]", "==3.0")));
        assertThat(installs("pip install 'scipy>=1.10,<2' --requirement=dev-requirements.txt"))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.packages()).containsExactly(new PackageRef("scipy", ">=1.10,<2"));
                    assertThat(i.manifests()).containsExactly("dev-requirements.txt");
                });
    }

    @Test
    void shouldRecogniseCondaMambaAndEnvironmentFiles() {
        assertThat(
                        installs(
                                "mamba install --yes -c conda-forge 'python=3.11' conda-forge::numpy 'r-base>=4.3' && mamba clean -a -y"))
                .containsExactly(new DependencyInstall(
                        PackageManager.CONDA,
                        List.of(
                                new PackageRef("python", "=3.11"),
                                new PackageRef("conda-forge::numpy", ""),
                                new PackageRef("r-base", ">=4.3")),
                        List.of(),
                        false));
        assertThat(installs("conda env create -f environment.yml && micromamba install -y -n base -f /tmp/env.yaml"))
                .extracting(DependencyInstall::manifests)
                .containsExactly(List.of("environment.yml"), List.of("/tmp/env.yaml"));
        assertThat(installs("micromamba run -n base pip install torch==2.3.1"))
                .containsExactly(new DependencyInstall(
                        PackageManager.PIP, List.of(new PackageRef("torch", "==2.3.1")), List.of(), false));
        assertThat(installs("conda install --quiet --yes --file /tmp/requirements.txt"))
                .singleElement()
                .satisfies(i -> assertThat(i.manifests()).containsExactly("/tmp/requirements.txt"));
    }

    @Test
    void shouldRecogniseNodeRAndGo() {
        assertThat(installs("npm ci")).singleElement().satisfies(i -> assertThat(i.manifests())
                .containsExactly("package.json", "package-lock.json"));
        assertThat(installs("npm install -g @angular/cli@17 typescript"))
                .singleElement()
                .satisfies(i -> assertThat(i.packages())
                        .containsExactly(new PackageRef("@angular/cli", "@17"), new PackageRef("typescript", "")));
        assertThat(installs("yarn install --frozen-lockfile && yarn global add serve@14"))
                .extracting(DependencyInstall::manager, DependencyInstall::packages)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PackageManager.YARN, List.of()),
                        org.assertj.core.groups.Tuple.tuple(
                                PackageManager.YARN, List.of(new PackageRef("serve", "@14"))));
        assertThat(installs("Rscript -e \"install.packages(c('dplyr', 'ggplot2'), repos='https://cran.r-project.org')\""
                        + " && R -e \"remotes::install_version('shiny', '1.8.0')\""))
                .extracting(DependencyInstall::packages)
                .containsExactly(
                        List.of(new PackageRef("dplyr", ""), new PackageRef("ggplot2", "")),
                        List.of(new PackageRef("shiny", "==1.8.0")));
        assertThat(installs("go mod download && go build ./..."))
                .singleElement()
                .satisfies(i -> assertThat(i.manifests()).containsExactly("go.mod", "go.sum"));
    }

    @Test
    void shouldFindNothingInCommandsThatInstallNothing() {
        assertThat(installs("apt-get update && apt-get clean && pip list && echo 'pip install x'"))
                .isEmpty();
    }

    @Test
    void shouldReadJsonFormRuns() {
        Instruction run = DockerfileParser.parse("FROM python\nRUN [\"pip\", \"install\", \"requests==2.32.3\"]\n")
                .instructions()
                .get(1);

        assertThat(InstallRecognizer.installs(run)).singleElement().satisfies(i -> assertThat(i.packages())
                .containsExactly(new PackageRef("requests", "==2.32.3")));
    }

    @Test
    void shouldTellRunsThatOnlyInstallFromRunsThatAlsoBuild() {
        java.util.function.Function<String, Instruction> run =
                text -> DockerfileParser.parse("FROM x\nRUN " + text + "\n")
                        .instructions()
                        .get(1);

        assertThat(InstallRecognizer.isInstallOnly(
                        run.apply("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*")))
                .isTrue();
        assertThat(InstallRecognizer.isInstallOnly(run.apply("apt-get install -y $(cat apt.txt)")))
                .as("reads a file that may come with the code")
                .isFalse();
        assertThat(InstallRecognizer.isInstallOnly(
                        run.apply("pip install -r requirements.txt && python manage.py collectstatic")))
                .isFalse();
        assertThat(InstallRecognizer.isInstallOnly(run.apply("pip install -e .")))
                .isFalse();
        assertThat(InstallRecognizer.isInstallOnly(run.apply("make install"))).isFalse();
        assertThat(InstallRecognizer.installs("apt-get install -y $(cat /tmp/apt.txt)"))
                .singleElement()
                .satisfies(i -> assertThat(i.packages()).isEmpty());
    }
}
