-- wrk script: POST one dossier to /api/eligibility/check as the demo applicant applicant1/demo (season = the demo season).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic YXBwbGljYW50MTpkZW1v"
wrk.body = '{"season":2026,"name":"王芳","idNumber":"11010519491231002X","phone":"13800000000","series":"HEALTH","specialty":"临床医学","targetLevel":"ASSOCIATE_SENIOR","currentLevel":"INTERMEDIATE","currentTitleDate":"2018-07-01","education":"BACHELOR","graduationDate":"2008-07-01","workStartDate":"2008-08-01","employerName":"宁城县中心医院","employerCode":"1215042918609139YY","employerType":"PUBLIC_INSTITUTION","employerLevel":"COUNTY","county":"ningcheng","competentDepartment":"ningcheng-health","continuingEducationDone":true}'
