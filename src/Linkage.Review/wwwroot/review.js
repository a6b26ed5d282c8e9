// Keyboard review (y confirm, n reject, u unsure, j/k next/previous) and upload-job progress.
// Served as a static file so the Content-Security-Policy can forbid inline script.
(() => {
  'use strict';
  const typing = (el) => el instanceof HTMLElement &&
    (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
  let submitting = false;

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || submitting) return;
    const key = event.key.toLowerCase();
    if (key === 'j' || key === 'k') {
      const link = document.getElementById(key === 'j' ? 'next' : 'prev');
      if (link) {
        event.preventDefault();
        window.location.assign(link.href);
      }
      return;
    }
    const form = document.getElementById('decide');
    const button = form && form.querySelector(`button[data-key="${key}"]`);
    if (button) {
      event.preventDefault();
      submitting = true; // one decision per page: a second key press would only meet a version conflict
      form.requestSubmit(button);
    }
  });

  const job = document.querySelector('[data-job]');
  if (job && job.dataset.finished !== 'true') {
    const show = (id, text) => { const el = document.getElementById(id); if (el) el.textContent = text; };
    const poll = async () => {
      try {
        const response = await fetch(`/jobs/${encodeURIComponent(job.dataset.job)}/progress`, { credentials: 'same-origin' });
        if (response.ok) {
          const progress = await response.json();
          if (progress.status === 'completed' || progress.status === 'failed') {
            window.location.reload();
            return;
          }
          show('job-status', progress.status);
          show('job-stage', progress.stage);
          show('job-count', `${progress.done} of ${progress.total}`);
          const bar = document.getElementById('job-bar');
          if (bar && progress.total > 0) bar.setAttribute('width', String(Math.round(1000 * progress.done / progress.total)));
        }
      } finally {
        setTimeout(poll, 1000);
      }
    };
    setTimeout(poll, 1000);
  }
})();
