package no.biztek.support.policy.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import no.biztek.support.policy.InvalidPolicyException;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;

/**
 * Reads a policy file (YAML) into a {@link PlanCatalogue}, or just its default plan as a {@link PolicyHistory}.
 * A file holds either {@code versions} (the default plan alone) or {@code plans} by name, each with its
 * {@code versions}. The format is documented in the default policy, {@value #DEFAULT_RESOURCE} on the
 * classpath, and in {@code docs/sla-plans.md}. Every problem is reported as an {@link InvalidPolicyException}
 * naming the file and the field.
 */
public final class PolicyFile {

    /** Classpath location of the default policy: the support terms as published. */
    public static final String DEFAULT_RESOURCE = "policy/biztek-sla-policy.yaml";

    private static final Set<String> ROOT_KEYS = Set.of("versions", "plans");
    private static final Set<String> PLAN_KEYS = Set.of("versions");
    private static final String PLAN_NAME = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

    private PolicyFile() {
    }

    /** The default plan of the policy shipped with this library: the published terms. */
    public static PolicyHistory defaultPolicy() {
        return defaultCatalogue().defaultPlan();
    }

    /** Every plan of the policy shipped with this library. */
    public static PlanCatalogue defaultCatalogue() {
        return catalogueFromClasspath(DEFAULT_RESOURCE);
    }

    /** The default plan of a policy file on the classpath. */
    public static PolicyHistory fromClasspath(String resource) {
        return catalogueFromClasspath(resource).defaultPlan();
    }

    public static PlanCatalogue catalogueFromClasspath(String resource) {
        try (InputStream in = PolicyFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidPolicyException(resource + ": no such policy file on the classpath");
            }
            return parseCatalogue(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read policy " + resource, e);
        }
    }

    /** The default plan of a policy file. */
    public static PolicyHistory fromFile(Path file) {
        return catalogueFromFile(file).defaultPlan();
    }

    public static PlanCatalogue catalogueFromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidPolicyException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parseCatalogue(file.toString(), text);
    }

    /** The default plan of policy YAML; {@code fileName} names the source in error messages. */
    public static PolicyHistory parse(String fileName, String yaml) {
        return parseCatalogue(fileName, yaml).defaultPlan();
    }

    /** Parses policy YAML; {@code fileName} names the source in error messages. */
    public static PlanCatalogue parseCatalogue(String fileName, String yaml) {
        Object document;
        try (Reader reader = new StringReader(yaml)) {
            document = strictYaml().load(reader);
        } catch (YAMLException | IOException e) {
            throw new InvalidPolicyException(fileName + ": not valid YAML (" + e.getMessage() + ")", e);
        }
        YamlNode root = new YamlNode(fileName, "", document);
        YamlNode.Mapping fields = root.asMapping(ROOT_KEYS);
        boolean singlePlan = fields.entries().containsKey("versions");
        if (singlePlan == fields.entries().containsKey("plans")) {
            throw root.invalid("must give either versions (the default plan alone) or plans"
                    + (singlePlan ? ", not both" : ""));
        }
        if (singlePlan) {
            PolicyHistory only = plan(PlanCatalogue.DEFAULT_PLAN, root, fields.required("versions"));
            return root.build(() -> new PlanCatalogue(List.of(only)));
        }
        YamlNode plansNode = fields.required("plans");
        List<PolicyHistory> plans = new ArrayList<>();
        plansNode.asMapping(null).entries().forEach((name, planNode) -> {
            if (!name.matches(PLAN_NAME)) {
                throw planNode.invalid("a plan name must be lower-case words joined by '-', e.g. around-the-clock");
            }
            plans.add(plan(name, planNode, planNode.asMapping(PLAN_KEYS).required("versions")));
        });
        return plansNode.build(() -> new PlanCatalogue(plans));
    }

    private static PolicyHistory plan(String name, YamlNode errorsAt, YamlNode versionsNode) {
        List<YamlNode> versionNodes = versionsNode.asList();
        if (versionNodes.isEmpty()) {
            throw versionsNode.invalid("must list at least one policy version");
        }
        List<SlaPolicy> versions = new ArrayList<>();
        for (YamlNode node : versionNodes) {
            versions.add(VersionReader.version(name, node));
        }
        return errorsAt.build(() -> new PolicyHistory(versions));
    }

    /** YAML without implicit typing: every scalar is text, typed by the reader; duplicate keys are refused. */
    private static Yaml strictYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: "16:00" must not become a sexagesimal number, nor "2020-01-01" a java.util.Date
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, textOnly);
    }
}
