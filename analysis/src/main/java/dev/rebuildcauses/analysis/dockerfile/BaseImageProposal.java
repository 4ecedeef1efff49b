package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;

/**
 * A proposed split of a Dockerfile into a base image and the rest.
 *
 * @param path the Dockerfile split
 * @param baseImage the image name the new Dockerfile starts {@code FROM}
 * @param prefix the final stage's instructions moved to the base image, its {@code FROM} first
 * @param rest the final stage's instructions left in the new Dockerfile
 * @param baseDockerfile the text of {@code Dockerfile.base}
 * @param dockerfile the text of the new {@code Dockerfile}
 */
public record BaseImageProposal(
        String path,
        String baseImage,
        List<Instruction> prefix,
        List<Instruction> rest,
        String baseDockerfile,
        String dockerfile) {
    public BaseImageProposal {
        prefix = List.copyOf(prefix);
        rest = List.copyOf(rest);
    }
}
