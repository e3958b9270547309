/* The keys page: reveal / hide a key in its row, copy a key to the clipboard. */
var ConsoleKeys = {
    toggle: function (args) {
        if (!args || !args.key) {
            return;
        }
        var span = document.getElementById('key-' + args.keyId);
        if (!span) {
            return;
        }
        if (span.getAttribute('data-revealed') === 'true') {
            span.textContent = span.getAttribute('data-masked');
            span.setAttribute('data-revealed', 'false');
        } else {
            span.textContent = args.key;
            span.setAttribute('data-revealed', 'true');
        }
    },
    copy: function (args, done) {
        if (!args || !args.key) {
            return;
        }
        var notify = function () {
            if (window.PrimeFaces && PrimeFaces.widgets && PrimeFaces.widgets.keysGrowl) {
                PF('keysGrowl').renderMessage({summary: done, severity: 'info'});
            }
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(args.key).then(notify, function () { ConsoleKeys.fallbackCopy(args.key); notify(); });
        } else {
            ConsoleKeys.fallbackCopy(args.key);
            notify();
        }
    },
    fallbackCopy: function (text) {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        try {
            document.execCommand('copy');
        } finally {
            document.body.removeChild(area);
        }
    }
};
