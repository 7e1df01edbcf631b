package cn.chifeng.title.support;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.ResidentIdNumber;

/** A builder of valid dossiers, so that each test states only what matters to it. */
public final class Dossiers {
    /** Registered employers of organisations.yaml (统一社会信用代码). */
    public static final String NC_HOSPITAL = "1215042918609139YY";
    public static final String NC_SCHOOL = "12150429083016617Q";
    public static final String SD_TOWNSHIP = "1215040409960308UX";
    public static final String HS_HOSPITAL = "1215040252601815JU";
    public static final String HS_VOCATIONAL = "1215040224628194H0";
    public static final String WN_CONSTRUCTION = "9115042621993518NE";
    public static final String CITY_HOSPITAL = "1215040019093786QM";
    public static final String CITY_SCHOOL = "1215040057975432NL";
    public static final String CITY_DESIGN = "12150400319487579Y";
    public static final String YB_POWER = "9115040391186252X7";
    public static final String AH_ASSOCIATION = "5115043076018955N9";
    public static final String CENTRAL_GRID = "9115040059797114F7";

    private Integer season = 2025;
    private String name = "赵敏";
    private String idNumber = randomIdNumber();
    private String series = "ENGINEERING";
    private String targetLevel = "INTERMEDIATE";
    private String currentLevel = "ASSISTANT";
    private LocalDate currentTitleDate = LocalDate.of(2015, 1, 1);
    private String education = "BACHELOR";
    private LocalDate workStartDate = LocalDate.of(2010, 8, 1);
    private String employerName = "宁城县中心医院";
    private String employerCode = NC_HOSPITAL;
    private String employerType = "PUBLIC_INSTITUTION";
    private String employerLevel = "COUNTY";
    private String county = "ningcheng";
    private String competentDepartment = "ningcheng-health";
    private String applicantUserId;
    private String evaluationType = "REGULAR";
    private String specialty = "专业技术";

    public static Dossiers dossier() {
        return new Dossiers();
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PERSON =
            new java.util.concurrent.atomic.AtomicInteger(ThreadLocalRandom.current().nextInt(12 * 28 * 1000));

    /**
     * An 18-digit ID number with a correct check character, born in 1985, different from every other one this JVM
     * has drawn (random ones met about once in four runs: a test then saw its own submission refused as a duplicate).
     */
    public static String randomIdNumber() {
        int n = Math.floorMod(NEXT_PERSON.getAndIncrement(), 12 * 28 * 1000);
        String first17 = String.format("150429%04d%02d%02d%03d", 1985, 1 + n / (28 * 1000), 1 + n / 1000 % 28,
                n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public Dossiers season(Integer v) { season = v; return this; }
    public Dossiers name(String v) { name = v; return this; }
    public Dossiers idNumber(String v) { idNumber = v; return this; }
    public Dossiers series(String v) { series = v; return this; }
    public Dossiers currentLevel(String v) { currentLevel = v; return this; }
    public Dossiers currentTitleDate(LocalDate v) { currentTitleDate = v; return this; }
    public Dossiers education(String v) { education = v; return this; }
    public Dossiers workStartDate(LocalDate v) { workStartDate = v; return this; }
    public Dossiers competentDepartment(String v) { competentDepartment = v; return this; }
    public Dossiers applicantUserId(String v) { applicantUserId = v; return this; }
    public Dossiers evaluationType(String v) { evaluationType = v; return this; }
    public Dossiers specialty(String v) { specialty = v; return this; }

    /** Applies for the level, holding the level below it. */
    public Dossiers targetLevel(String v) {
        targetLevel = v;
        currentLevel = switch (v) {
            case "ASSISTANT" -> "NONE";
            case "INTERMEDIATE" -> "ASSISTANT";
            case "ASSOCIATE_SENIOR" -> "INTERMEDIATE";
            default -> "ASSOCIATE_SENIOR";
        };
        if ("NONE".equals(currentLevel)) {
            currentTitleDate = null;
        }
        return this;
    }

    /** Works for the registered employer, with its type, level, county and competent department. */
    public Dossiers employer(String code, String name, String type, String level, String county, String department) {
        this.employerCode = code;
        this.employerName = name;
        this.employerType = type;
        this.employerLevel = level;
        this.county = county;
        this.competentDepartment = department;
        return this;
    }

    public Dossiers freelancer(String county, String department) {
        return employer(null, "自由职业", "FREELANCER", null, county, department);
    }

    public Dossier build() {
        return new Dossier(season, name, idNumber, "13900000000", "applicant@example.invalid", series, specialty,
                targetLevel, currentLevel, currentTitleDate, education, LocalDate.of(2008, 7, 1), workStartDate,
                workStartDate, employerName, employerCode, employerType, employerLevel, county, competentDepartment,
                evaluationType, List.of(), "NONE", false, null, null, false, false, true, true, false, applicantUserId);
    }

    private Dossiers() {
    }
}
