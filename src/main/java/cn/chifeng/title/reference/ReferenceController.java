package cn.chifeng.title.reference;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.code.Education;
import cn.chifeng.title.code.EmployerLevel;
import cn.chifeng.title.code.EmployerType;
import cn.chifeng.title.code.EvaluationType;
import cn.chifeng.title.code.Level;
import cn.chifeng.title.code.Series;
import cn.chifeng.title.code.ServicePlace;
import cn.chifeng.title.code.TalentProgram;
import cn.chifeng.title.common.Labelled;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.process.ReviewDecision;
import cn.chifeng.title.process.Stage;

/** {@code GET /api/reference}: every code list with its Chinese labels. */
@RestController
class ReferenceController {
    private final OrganisationDirectory organisations;

    ReferenceController(OrganisationDirectory organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/api/reference")
    Map<String, Object> reference() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("series", codes(Series.values()));
        r.put("levels", codes(Level.values()));
        r.put("educations", codes(Education.values()));
        r.put("employerTypes", codes(EmployerType.values()));
        r.put("employerLevels", codes(EmployerLevel.values()));
        r.put("evaluationTypes", codes(EvaluationType.values()));
        r.put("servicePlaces", codes(ServicePlace.values()));
        r.put("talentPrograms", codes(TalentProgram.values()));
        r.put("stages", codes(Stage.values()));
        r.put("statuses", codes(ApplicationStatus.values()));
        r.put("decisions", codes(ReviewDecision.values()));
        r.put("counties", organisations.counties().stream().map(c -> new Code(c.code(), c.name())).toList());
        r.put("bodies", organisations.bodies().stream()
                .map(b -> Map.of("code", b.id(), "label", b.name(), "kind", b.kind().name(),
                        "county", b.county() == null ? "" : b.county()))
                .toList());
        r.put("employers", organisations.employers().stream()
                .map(e -> Map.of("code", e.code(), "label", e.name(), "type", e.type(), "level", e.level(),
                        "county", e.county(), "competentDepartment", e.competentDepartment()))
                .toList());
        return r;
    }

    private static List<Code> codes(Labelled[] values) {
        return Arrays.stream(values).map(v -> new Code(v.name(), v.label())).toList();
    }

    record Code(String code, String label) {
    }
}
