# a valid instansi followed by 150 claims, each with an unknown name: the report stops at 100 errors
printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n\nsasaran S1 "Meningkatnya kualitas pelayanan" {\n    indikator IKM "Indeks Kepuasan Masyarakat" {\n        satuan "indeks"\n        polaritas positif\n        target 82\n        realisasi 83.63\n        penanggung_jawab "Seksi Pelayanan"\n        sumber "SUKMA-E"\n    }\n}\n\n'
i=1
while [ $i -le 150 ]; do
    printf 'periksa capaian(X%d) > 0\n' $i
    i=$((i + 1))
done
