// 领导驾驶舱: draws the charts from the page's data and redraws tiles and charts when the history moves on.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('dashboard-config').textContent);
  var t = D.text;
  // amounts are drawn in the reader's units: 亿元 and 万美元 in Chinese, millions in English
  var CNY = t.cnyScale, USD = t.usdScale;
  var ENGLISH = /^en/.test(document.documentElement.lang);
  var SPACE = ENGLISH ? ' ' : '';
  var charts = {};

  function num(v) { return v === null || v === undefined ? 0 : Number(v); }
  function round2(v) { return Math.round(v * 100) / 100; }

  // a number as the tables beside the charts write it (shared.Money): grouped by thousands, in English always
  // (3,105), in Chinese from five digits on (1448, 12,000)
  function written(v) {
    var text = String(v);
    var negative = text.charAt(0) === '-';
    var parts = (negative ? text.substring(1) : text).split('.');
    if (parts[0].length > (ENGLISH ? 3 : 4)) { parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
    return (negative ? '-' : '') + parts.join('.');
  }

  // the time of day as the pages write it in both languages: 14:05:09, Beijing time
  var CLOCK = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
  });

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
    return charts[id];
  }

  function drawMonthly(months) {
    chart('chart-monthly').setOption({
      tooltip: { trigger: 'axis', valueFormatter: written },
      // one scrolling line of legend above the axes' units, so that on a phone it never covers them
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map(function (m) { return t.month.replace('{0}', m.month); }) },
      yAxis: [{ type: 'value', name: t.cny, nameTextStyle: { align: 'left' } },
        { type: 'value', name: t.usd, nameTextStyle: { align: 'right' } }],
      series: [
        { name: t.contract, type: 'bar', data: months.map(function (m) { return round2(num(m.contractInvestmentCny) / CNY); }) },
        { name: t.contractCumulative, type: 'line', data: months.map(function (m) { return round2(num(m.cumulativeContractInvestmentCny) / CNY); }) },
        { name: t.foreign, type: 'bar', yAxisIndex: 1, data: months.map(function (m) { return round2(num(m.foreignCapitalArrivedUsd) / USD); }) },
        { name: t.foreignCumulative, type: 'line', yAxisIndex: 1, data: months.map(function (m) { return round2(num(m.cumulativeForeignCapitalArrivedUsd) / USD); }) }
      ]
    }, true);
  }

  // The pie shows contracted investment (亿元) and says so in its labels; the number of projects is named in the tooltip.
  function drawIndustries(shares) {
    var named = function (s) { return D.industries[s.industry] || s.industry; };
    var projects = {};
    shares.forEach(function (s) { projects[named(s)] = s.projects; });
    chart('chart-industries').setOption({
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return t.industryTooltip.replace('{0}', p.name).replace('{1}', written(p.value) + SPACE + t.cny).replace('{2}', p.percent)
            .replace('{3}', projects[p.name]);
        }
      },
      series: [{
        type: 'pie', radius: ['35%', '70%'],
        label: { formatter: function (p) { return p.name + ' ' + written(p.value) + SPACE + t.cny; } },
        data: shares.filter(function (s) { return num(s.contractInvestmentCny) > 0; }).map(function (s) {
          return { name: named(s), value: round2(num(s.contractInvestmentCny) / CNY) };
        })
      }]
    }, true);
  }

  // The funnel follows the year's signings up to the business date; the rates say what they divide.
  function drawPipeline(data) {
    var p = data.pipeline;
    chart('chart-pipeline').setOption({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data: [
          { name: t.signed, value: p.signed },
          { name: t.landed, value: p.landed },
          { name: t.production, value: p.inProduction }
        ]
      }]
    }, true);
    var rates = document.getElementById('rates');
    rates.textContent = '';
    data.rates.forEach(function (line) {
      var item = document.createElement('li');
      item.textContent = line;
      rates.appendChild(item);
    });
    document.getElementById('in-year').textContent = data.inYear;
  }

  function showFigures(data) {
    data.figures.forEach(function (f) {
      var row = document.getElementById('caliber-' + f.key);
      if (row) { row.querySelector('.value').textContent = f.value; }
    });
    document.getElementById('caliber-clocks').textContent = data.clocks;
  }

  function drawCity(city, labels, zoneId) {
    var zones = city.zones.slice().reverse();
    var named = labels.slice().reverse();
    chart('chart-city').setOption({
      tooltip: { trigger: 'axis', valueFormatter: written },
      grid: { left: 8, right: 48, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: t.usd, nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: named },
      series: [{
        type: 'bar', label: { show: true, position: 'right', formatter: function (p) { return written(p.value); } },
        data: zones.map(function (z) {
          return { value: round2(num(z.foreignCapitalArrivedUsd) / USD), itemStyle: { color: z.zoneId === zoneId ? '#c23531' : '#5470c6' } };
        })
      }]
    }, true);
  }

  function showTiles(tiles) {
    tiles.forEach(function (tile) {
      var el = document.getElementById('tile-' + tile.key);
      if (!el) { return; }
      el.querySelector('.label').textContent = tile.label;
      el.querySelector('.value').textContent = tile.value;
      el.querySelector('.unit').textContent = tile.unit;
      el.querySelector('.note').textContent = tile.note;
      el.querySelector('.remark').textContent = tile.remark;
      el.classList.remove('above', 'short');
      if (tile.tone) { el.classList.add(tile.tone); }
    });
  }

  // On a phone the table is one card per project: its name on top, each other value under its column's name.
  function showFlagged(flagged) {
    var body = document.querySelector('#flagged tbody');
    var labels = Array.prototype.map.call(document.querySelectorAll('#flagged thead th'), function (th) { return th.textContent; });
    var classes = ['name', 'level', 'kind', 'since', 'num overdue'];
    body.textContent = '';
    (flagged || []).forEach(function (f) {
      var row = document.createElement('tr');
      row.className = 'warning-' + f.colour.toLowerCase();
      var cells = [null, t[f.colour], t[f.kind], f.since, String(f.daysOverdue)];
      cells.forEach(function (text, i) {
        var cell = document.createElement('td');
        if (i === 0) {
          var link = document.createElement('a');
          link.href = t.projectLink + encodeURIComponent(f.projectId);
          link.textContent = f.name;
          cell.appendChild(link);
        } else {
          cell.textContent = text;
          cell.setAttribute('data-label', labels[i]);
        }
        cell.className = classes[i];
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    document.getElementById('flagged-none').style.display = flagged && flagged.length ? 'none' : '';
    document.getElementById('flagged').style.display = flagged && flagged.length ? '' : 'none';
  }

  // 全省排名: the rows come worded and formatted from the server; the first two cells are words, the others figures
  function showProvince(province) {
    [['province-cities', province.cities], ['province-zones', province.zones]].forEach(function (table) {
      var body = document.querySelector('#' + table[0] + ' tbody');
      body.textContent = '';
      table[1].forEach(function (r) {
        var row = document.createElement('tr');
        row.setAttribute('data-id', r.id);
        [r.rank, r.name, r.foreignCapital, r.contractInvestment, r.share].forEach(function (text, i) {
          var cell = document.createElement('td');
          cell.textContent = text;
          if (i > 1) { cell.className = 'num'; }
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
    });
  }

  function draw(data) {
    showFlagged(data.flagged);
    showProvince(data.province);
    drawMonthly(data.monthly);
    drawIndustries(data.industries);
    drawPipeline(data);
    showFigures(data);
    drawCity(data.city, data.cityLabels, data.zoneId);
  }

  function refresh() {
    fetch(D.source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || data.position === D.data.position) { return; }
        D.data = data;
        showTiles(data.tiles);
        draw(data);
        document.getElementById('asof-line').textContent =
          t.asOfLine.replace('{0}', data.asOf).replace('{1}', data.position);
        var live = document.getElementById('live');
        live.textContent = t.updated + ' ' + CLOCK.format(new Date());
      })
      .catch(function () { /* the next poll tries again */ });
  }

  draw(D.data);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  setInterval(refresh, 5000);
})();
