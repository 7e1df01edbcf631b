// 门户脚本：仅做增强（上传进度、确认提示），没有脚本时页面照常可用
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    input.addEventListener('change', function () {
      var out = document.getElementById(input.id + '-size');
      var f = input.files && input.files[0];
      if (!out || !f) { return; }
      var max = parseInt(input.getAttribute('data-max-bytes'), 10);
      out.textContent = '已选择：' + f.name + '（' + (f.size / 1024 / 1024).toFixed(2) + ' MB）'
        + (f.size > max ? ' —— 超过 ' + (max / 1024 / 1024) + ' MB，无法上传' : '');
    });
  });
  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.XMLHttpRequest || !window.FormData) { return; }
      e.preventDefault();
      var bar = form.querySelector('progress');
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.onprogress = function (ev) {
        if (bar && ev.lengthComputable) { bar.hidden = false; bar.value = ev.loaded / ev.total * 100; }
      };
      xhr.onload = function () {
        // the page the server answered (after an upload: the application with its message; refused: the messages)
        var url = xhr.responseURL;
        document.open(); document.write(xhr.responseText); document.close();
        if (url && xhr.status < 400 && window.history && history.replaceState) { history.replaceState(null, '', url); }
      };
      xhr.onerror = function () { form.submit(); };
      xhr.send(new FormData(form));
    });
  });
});
