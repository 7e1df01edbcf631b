package cn.chifeng.title;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 赤峰市职称评审工作流: the Spring Boot application hosting the Camunda 7 engine, its webapps and the applicant API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TitleEvaluationApplication {

    public static void main(String[] args) {
        SpringApplication.run(TitleEvaluationApplication.class, args);
    }
}
