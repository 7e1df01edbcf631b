package cn.chifeng.title.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.credit.CreditArchive;
import cn.chifeng.title.credit.PolicyLedger;
import cn.chifeng.title.feel.CachingFeelEngineFactory;
import cn.chifeng.title.season.Season;

/**
 * Computes the facts of a dossier (with what the credit archive, the policy ledger and the post quotas say) and
 * evaluates the latest deployed DMN decision {@code eligibility}. The what-if check uses decisions parsed once per
 * deployed version by a DMN engine of its own, so it writes no decision history; a submission evaluates the same
 * decision inside the process, where it is kept in history.
 */
@Service
public class EligibilityService implements cn.chifeng.title.application.ProcessStartVariables,
        cn.chifeng.title.application.ResubmissionCheck {
    public static final String DECISION = "eligibility";

    private final RepositoryService repository;
    private final EligibilityFacts.Places places;
    private final IdentityService identity;
    private final CreditArchive credit;
    private final PolicyLedger ledger;
    private final PostQuotas posts;
    private final DmnEngine dmn;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    EligibilityService(RepositoryService repository, IdentityService identity, CreditArchive credit,
                       PolicyLedger ledger, PostQuotas posts,
                       @org.springframework.beans.factory.annotation.Value("${title.eligibility.county-places}")
                       java.util.Set<String> countyPlaces,
                       @org.springframework.beans.factory.annotation.Value("${title.eligibility.rural-places}")
                       java.util.Set<String> ruralPlaces) {
        this.places = new EligibilityFacts.Places(countyPlaces, ruralPlaces);
        this.repository = repository;
        this.identity = identity;
        this.credit = credit;
        this.ledger = ledger;
        this.posts = posts;
        this.dmn = CachingFeelEngineFactory.dmnEngine();
    }

    /** The facts of a new application's process: as of its series' cutoff, checked on the day of submission. */
    @Override
    public Map<String, Object> variables(Dossier d, Season season, LocalDate day) {
        return facts(d, season, day);
    }

    public Map<String, Object> facts(Dossier d, Season season, LocalDate day) {
        String idNumber = d.idNumber().toUpperCase();
        EligibilityFacts.Records records = new EligibilityFacts.Records(
                credit.latestViolation(idNumber, day),
                ledger.used(idNumber, PolicyLedger.GREEN_CHANNEL),
                ledger.used(idNumber, PolicyLedger.FRONTLINE_MEDICAL),
                "PUBLIC_INSTITUTION".equals(d.employerType()) ? posts.full(d.employerCode(), d.targetLevel()) : null);
        Map<String, Object> facts = EligibilityFacts.of(d, season.forSeries(d.series()).qualificationCutoff(), day,
                records, places);
        facts.put("checkDate", day.toString());
        return facts;
    }

    /**
     * REV-8: a corrected dossier that the rules find ineligible is not resubmitted (the reasons say why); otherwise the
     * reviewers' verdict text, channel and reasons follow the new facts.
     */
    @Override
    public Outcome recheck(Dossier d, Season season, LocalDate today) {
        Verdict v = check(facts(d, season, today));
        if ("INELIGIBLE".equals(v.verdict())) {
            return new Outcome(v.reasons().stream().map(Verdict.Reason::message).toList(), Map.of());
        }
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(cn.chifeng.title.process.TitleApplicationProcess.Vars.ELIGIBILITY_DISPLAY, v.display());
        variables.put(cn.chifeng.title.process.TitleApplicationProcess.Vars.ELIGIBILITY_CHANNEL, v.channel());
        variables.put(cn.chifeng.title.process.TitleApplicationProcess.Vars.ELIGIBILITY_REASON, v.reasonText());
        return new Outcome(List.of(), variables);
    }

    /** The what-if verdict: no process, no decision history. */
    @SuppressWarnings("unchecked")
    public Verdict check(Map<String, Object> facts) {
        DmnDecision decision = latest();
        Map<String, Object> result = dmn.evaluateDecision(decision, Variables.fromMap(facts)).getSingleResult()
                .getSingleEntry();
        return Verdict.of(result);
    }

    private DmnDecision latest() {
        // the decision definitions are not the caller's to read: look them up as the system
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            DecisionDefinition def = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                    .latestVersion().singleResult();
            if (def == null) {
                throw new IllegalStateException("申报资格决策 eligibility 未部署");
            }
            return parsed.computeIfAbsent(def.getId(), id -> parse(def));
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private DmnDecision parse(DecisionDefinition def) {
        try (InputStream in = repository.getResourceAsStream(def.getDeploymentId(), def.getResourceName())) {
            return dmn.parseDecision(DECISION, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
