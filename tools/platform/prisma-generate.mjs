console.log("prisma generate: skipped (bootstrap)")
