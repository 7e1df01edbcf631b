package cn.chifeng.title.model;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The project's rules for every DMN file, in one place (CONVENTIONS 8): a history time to live and a Chinese name
 * per decision; per table a hit policy written in the file (the model answers UNIQUE when it is missing, so the
 * file is read as plain XML for it), Chinese input labels, every rule citing its clause, every output within the table's
 * allowed values. Returns what is wrong, so that a test can show the lint catches a bad fixture.
 */
final class DmnLint {
    static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    static final Pattern CITATION = Pattern.compile("(REV|ELI|SEA|APP|EVA|PUB|COR|SUP)-\\d+|通知");

    private DmnLint() {
    }

    /** @param xml the file's bytes: the raw hit policy is read from them, the rest from the DMN model */
    static List<String> violations(String file, byte[] xml) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        Set<String> withHitPolicy = tablesWithHitPolicy(xml);
        List<String> found = new ArrayList<>();
        for (Decision d : model.getModelElementsByType(Decision.class)) {
            if (d.getCamundaHistoryTimeToLiveString() == null || d.getCamundaHistoryTimeToLiveString().isBlank()) {
                found.add(file + " " + d.getId() + ": no historyTimeToLive");
            }
            if (d.getName() == null || !CHINESE.matcher(d.getName()).find()) {
                found.add(file + " " + d.getId() + ": no Chinese name");
            }
        }
        for (DecisionTable t : model.getModelElementsByType(DecisionTable.class)) {
            String where = file + " " + t.getId();
            if (!withHitPolicy.contains(t.getId())) {
                found.add(where + ": no hitPolicy in the file");
            }
            for (Input i : t.getInputs()) {
                if (i.getLabel() == null || !CHINESE.matcher(i.getLabel()).find()) {
                    found.add(where + " " + i.getId() + ": no Chinese input label");
                }
            }
            List<Output> outputs = List.copyOf(t.getOutputs());
            for (Rule r : t.getRules()) {
                if (r.getDescription() == null || !CITATION.matcher(r.getDescription().getTextContent()).find()) {
                    found.add(where + " " + r.getId() + ": cites no clause");
                }
                List<OutputEntry> entries = List.copyOf(r.getOutputEntries());
                for (int i = 0; i < outputs.size() && i < entries.size(); i++) {
                    if (outputs.get(i).getOutputValues() == null) {
                        continue;
                    }
                    Set<String> allowed = Arrays.stream(outputs.get(i).getOutputValues().getTextContent().split(","))
                            .map(String::trim).collect(Collectors.toSet());
                    String value = entries.get(i).getTextContent().trim();
                    if (!value.equals("null") && !allowed.contains(value)) {
                        found.add(where + " " + r.getId() + ": output " + value + " not in " + allowed);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The ids of the tables whose element carries a {@code hitPolicy} attribute, read without the DMN schema: a
     * schema-validating parser fills in the default (UNIQUE), so the model cannot tell a missing attribute.
     */
    static Set<String> tablesWithHitPolicy(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList tables = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
                    .getElementsByTagNameNS("*", "decisionTable");
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < tables.getLength(); i++) {
                Element t = (Element) tables.item(i);
                if (t.hasAttribute("hitPolicy")) {
                    ids.add(t.getAttribute("id"));
                }
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("DMN file cannot be read as XML", e);
        }
    }
}
