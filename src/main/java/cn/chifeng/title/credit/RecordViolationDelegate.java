package cn.chifeng.title.credit;

import cn.chifeng.title.process.TitleApplicationProcess;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationRecord;

/** 发现虚假材料 (REV-7): records the violation in the credit archive; the model then cancels the application. */
@Component("recordViolationDelegate")
class RecordViolationDelegate implements JavaDelegate {
    private final CreditArchive archive;
    private final ApplicationRepository applications;

    RecordViolationDelegate(CreditArchive archive, ApplicationRepository applications) {
        this.archive = archive;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApplicationRecord a = applications.find((String) execution.getVariable(Vars.APPLICATION_ID)).orElseThrow();
        archive.record(a.idNumber(), a.applicantName(), "FALSE_MATERIAL",
                a.season() + "年度职称申报 " + a.id() + " 审核发现虚假材料",
                (String) execution.getVariable(TitleApplicationProcess.Vars.LAST_COMMENT));
    }
}
