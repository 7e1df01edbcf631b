package cn.chifeng.title.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The organisations of the season: counties, bodies and the seed employers from the data file named by
 * {@code title.organisations}, and the employers approved since ({@link EmployerRegister}), read from the database
 * on every call — an approval on one node holds on every node at once, without a restart.
 */
@Component
public class OrganisationDirectory {
    private final Map<String, County> counties;
    private final Map<String, Body> bodies;
    private final Map<String, Employer> employers;
    private final EmployerRegister registered;

    @Autowired
    public OrganisationDirectory(@Value("${title.organisations}") Resource file, EmployerRegister registered) {
        this(read(file), registered);
    }

    OrganisationDirectory(Data data, EmployerRegister registered) {
        this.registered = registered;
        this.counties = index(data.counties(), County::code);
        this.bodies = index(data.bodies(), Body::id);
        this.employers = index(data.employers(), Employer::code);
        for (Body b : data.bodies()) {
            if (b.county() != null && !counties.containsKey(b.county())) {
                throw new IllegalStateException("组织机构数据有误: " + b.id() + " 的旗县区 " + b.county() + " 未定义");
            }
        }
        for (Employer e : data.employers()) {
            if (!counties.containsKey(e.county()) || !bodies.containsKey(e.competentDepartment())) {
                throw new IllegalStateException("组织机构数据有误: 用人单位 " + e.name() + " 的旗县区或主管部门未定义");
            }
        }
    }

    private static Data read(Resource file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = file.getInputStream()) {
            return yaml.readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取组织机构数据 " + file, e);
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> {
            throw new IllegalStateException("组织机构数据中编码重复: " + key.apply(a));
        }, LinkedHashMap::new));
    }

    public Collection<County> counties() {
        return counties.values();
    }

    public Collection<Body> bodies() {
        return bodies.values();
    }

    /** The seed employers, then those approved since. */
    public Collection<Employer> employers() {
        if (registered == null) {
            return employers.values();
        }
        List<Employer> all = new java.util.ArrayList<>(employers.values());
        registered.approved().stream().filter(e -> !employers.containsKey(e.code())).forEach(all::add);
        return all;
    }

    /** The seed employers alone (organisations.yaml). */
    public Collection<Employer> seedEmployers() {
        return employers.values();
    }

    public Optional<County> county(String code) {
        return Optional.ofNullable(code).map(counties::get);
    }

    public Optional<Body> body(String id) {
        return Optional.ofNullable(id).map(bodies::get);
    }

    public Optional<Employer> employer(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Employer seed = employers.get(code);
        return seed != null || registered == null ? Optional.ofNullable(seed) : registered.approvedByCode(code);
    }

    /** The body of the given kind in a county (e.g. the county HR bureau of 宁城县). */
    public Optional<Body> countyBody(String county, BodyKind kind) {
        return bodies.values().stream().filter(b -> b.kind() == kind && county.equals(b.county())).findFirst();
    }

    /** The single city- or region-level body of a kind (city HR bureau, region HR department…). */
    public Optional<Body> cityBody(BodyKind kind) {
        return bodies.values().stream().filter(b -> b.kind() == kind && b.county() == null).findFirst();
    }

    /** Name of a group, whether a body or an employer's reviewers. */
    public String groupName(String groupId) {
        Body b = bodies.get(groupId);
        if (b != null) {
            return b.name();
        }
        return employers.values().stream().filter(e -> e.group().equals(groupId)).findFirst()
                .or(() -> registered == null ? Optional.empty() : registered.approvedByGroup(groupId))
                .map(Employer::name).orElse(groupId);
    }

    /** Bodies that may be a unit's competent department (主管部门). */
    static final java.util.Set<BodyKind> DEPARTMENTS = java.util.EnumSet.of(BodyKind.COMPETENT_DEPT,
            BodyKind.COUNTY_EDUCATION, BodyKind.COUNTY_HOUSING, BodyKind.CITY_EDUCATION, BodyKind.CITY_HOUSING);

    /**
     * The competent departments a unit of the level in the county may name: a city-level unit a city department, any
     * other unit a department of its own county.
     */
    public List<Body> competentDepartments(String level, String county) {
        boolean city = "CITY".equals(level);
        return bodies.values().stream().filter(b -> DEPARTMENTS.contains(b.kind()))
                .filter(b -> city ? b.county() == null : b.county() != null && b.county().equals(county)).toList();
    }

    /** Every body that may be a unit's competent department, city departments first. */
    public List<Body> competentDepartments() {
        return bodies.values().stream().filter(b -> DEPARTMENTS.contains(b.kind()))
                .sorted(java.util.Comparator.comparing((Body b) -> b.county() != null)).toList();
    }

    /**
     * Who reviews a unit's registration: the county HR bureau of its county, or for a city-level unit its competent
     * department (as for the roster of its applicants).
     */
    public Optional<Body> registrationReviewer(String level, String county, String competentDepartment) {
        if ("CITY".equals(level)) {
            return body(competentDepartment).filter(b -> b.county() == null && DEPARTMENTS.contains(b.kind()));
        }
        return county == null ? Optional.empty() : countyBody(county, BodyKind.COUNTY_HR);
    }

    /** Whether a body reviews units' registrations (a county HR bureau or a city department). */
    public static boolean reviewsRegistrations(Body b) {
        return b.kind() == BodyKind.COUNTY_HR || b.county() == null && DEPARTMENTS.contains(b.kind());
    }

    record Data(List<County> counties, List<Body> bodies, List<Employer> employers) {
    }

    /** A 旗县区 of Chifeng. */
    public record County(String code, String name) {
    }

    /** A reviewing body; {@code county} is null for city- and region-level bodies. */
    public record Body(String id, String name, BodyKind kind, String county) {
    }

    /** A registered employer (用人单位) and the group of its reviewers. */
    public record Employer(String code, String group, String name, String type, String level, String county,
                           String competentDepartment) {
    }

    /** Kind of a reviewing body. */
    public enum BodyKind {
        TALENT_CENTRE, COMPETENT_DEPT, COUNTY_EDUCATION, COUNTY_HOUSING, COUNTY_HR, CITY_EDUCATION, CITY_HOUSING,
        CITY_HR, REGION_HR, COMMITTEE_OFFICE
    }
}
