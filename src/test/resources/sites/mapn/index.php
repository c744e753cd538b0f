<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><title>Comunicate de presă</title></head><body>
<div id="continut"><ul>
<li><a href="{{base}}/mapn/cpresa/20289_ministrul-apararii">Ministrul apărării naţionale s-a întâlnit cu omologul polonez, din 10.09.2026</a></li>
<li><a href="{{base}}/mapn/cpresa/20288_exercitiu">Exerciţiul multinaţional Dacian Fall 2026 a început, din 09.09.2026</a></li>
<li><a href="{{base}}/mapn/evenimente/">Evenimente</a></li>
</ul></div></body></html>